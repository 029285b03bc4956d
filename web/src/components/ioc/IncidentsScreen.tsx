import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { actOnIncident, AGENCIES, getIncident, listIncidents, openIncident, useLivePicture, type IncidentView } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';
import '../../ioc/ioc.css';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { navigate, routeHref, useSubRoute } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { AlertList } from './AlertList.tsx';

const agencyKey = (a: string) => `ioc.agency.${a}` as MessageKey;

function AgencySelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{t('ioc.incidents.agency')}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {AGENCIES.map((a) => <option key={a} value={a}>{t(agencyKey(a))}</option>)}
      </select>
    </label>
  );
}

/** Alerts and the inter-agency incidents: list, new incident, and one incident's timeline. */
export function IncidentsScreen({ page }: { page: ShellPage; user: User }) {
  const [id] = useSubRoute();
  return id ? <IncidentDetail id={id} /> : <IncidentsOverview page={page} />;
}

function IncidentsOverview({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const { picture, refresh } = useLivePicture();
  const [items, setItems] = useState<IncidentView[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [draft, setDraft] = useState({ title: '', agency: 'gate_operator', note: '' });
  const load = useCallback(() => listIncidents().then(setItems, setProblem), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    try {
      const i = await openIncident({ title: draft.title.trim(), agency: draft.agency, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) });
      navigate('incidents', i.id);
    } catch (err) {
      setProblem(err);
    }
  }

  return (
    <article className="screen ioc-screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
      <div className="ioc-grid">
        <AlertList alerts={picture?.alerts ?? []} onChanged={refresh} />
        <section className="panel" aria-labelledby="incidents-title">
          <h2 id="incidents-title">{t('ioc.incidents.title')}</h2>
          {items?.length === 0 && <p className="empty-state">{t('ioc.incidents.none')}</p>}
          {items && items.length > 0 && (
            <ul className="incident-list">
              {items.map((i) => (
                <li key={i.id}>
                  <a href={routeHref('incidents', i.id)}>{i.title}</a>
                  <span className={`badge ${i.state === 'open' ? 'badge-warning' : 'badge-ok'}`}>{t(`ioc.incidents.state.${i.state}`)}</span>
                  <span className="muted">{t(agencyKey(i.agency))} · {f.dateTime(i.openedAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <form className="incident-form" onSubmit={create}>
            <h3>{t('ioc.incidents.new')}</h3>
            <label className="field">
              <span className="field-label">{t('ioc.incidents.titleField')}</span>
              <input value={draft.title} required maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
            </label>
            <AgencySelect id="new-incident-agency" value={draft.agency} onChange={(agency) => setDraft({ ...draft, agency })} />
            <label className="field">
              <span className="field-label">{t('ioc.incidents.note')}</span>
              <textarea value={draft.note} maxLength={2000} rows={2} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
            </label>
            <button type="submit" className="button button-primary">{t('ioc.incidents.open')}</button>
          </form>
        </section>
      </div>
    </article>
  );
}

function IncidentDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const [incident, setIncident] = useState<IncidentView | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [agency, setAgency] = useState('customs');
  const [resolution, setResolution] = useState('');
  useEffect(() => {
    getIncident(id).then(setIncident, setProblem);
  }, [id]);

  async function act(action: 'assign' | 'notes' | 'resolve', body: Record<string, string>, reset: () => void) {
    setProblem(null);
    try {
      setIncident(await actOnIncident(id, action, body));
      reset();
    } catch (err) {
      setProblem(err);
    }
  }

  return (
    <article className="screen ioc-screen" aria-labelledby="page-title">
      <p><a href={routeHref('incidents')}>{t('ioc.incidents.back')}</a></p>
      {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
      {incident && (
        <>
          <PageHeader title={incident.title} focusKey={incident.id}>
            <span className={`badge ${incident.state === 'open' ? 'badge-warning' : 'badge-ok'}`}>{t(`ioc.incidents.state.${incident.state}`)}</span>
            <span className="badge">{t(agencyKey(incident.agency))}</span>
          </PageHeader>
          <p className="muted">{t('ioc.incidents.opened', { time: f.dateTime(incident.openedAt), name: incident.openedBy })}</p>
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('ioc.incidents.timeline')}</h2>
            <ol className="incident-timeline">
              {incident.notes.map((n) => (
                <li key={n.seq}>
                  <span className="muted">{f.dateTime(n.at)} · {n.author} · {t(`ioc.incidents.kind.${n.kind}`)}</span>
                  <p>{n.text}</p>
                </li>
              ))}
            </ol>
          </section>
          {incident.state === 'open' && (
            <div className="ioc-grid">
              <form className="panel" onSubmit={(e) => { e.preventDefault(); if (text.trim()) void act('notes', { text: text.trim() }, () => setText('')); }}>
                <label className="field">
                  <span className="field-label">{t('ioc.incidents.note')}</span>
                  <textarea value={text} rows={2} maxLength={2000} onChange={(e) => setText(e.target.value)} />
                </label>
                <button type="submit" className="button button-primary">{t('ioc.incidents.addNote')}</button>
              </form>
              <form className="panel" onSubmit={(e) => { e.preventDefault(); void act('assign', { agency }, () => undefined); }}>
                <AgencySelect id="handover-agency" value={agency} onChange={setAgency} />
                <button type="submit" className="button button-secondary">{t('ioc.incidents.handTo')}</button>
              </form>
              <form className="panel" onSubmit={(e) => { e.preventDefault(); if (resolution.trim()) void act('resolve', { resolution: resolution.trim() }, () => setResolution('')); }}>
                <label className="field">
                  <span className="field-label">{t('ioc.incidents.resolution')}</span>
                  <textarea value={resolution} rows={2} maxLength={2000} onChange={(e) => setResolution(e.target.value)} />
                </label>
                <button type="submit" className="button button-primary">{t('ioc.incidents.resolve')}</button>
              </form>
            </div>
          )}
        </>
      )}
    </article>
  );
}
