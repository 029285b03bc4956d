import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../api.ts';
import { formatLocaleOf, useI18n, type MessageKey } from '../../i18n/index.tsx';
import { callForward, getOverview, getReferrals, overrideException, resolveReferral, type GateOverview, type HeldTruck, type Referral } from '../../gate/api.ts';
import '../../gate/gate.css';
import '../../customs.css';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { PageHeader } from '../PageHeader.tsx';

const key = (k: string) => k as MessageKey;

/** The gate operations page: lanes, yard and queue, held trucks, referrals and per-stage dwell times. */
export function GateScreen({ page, user }: { page: ShellPage; user: User }) {
  const { t, lang } = useI18n();
  const [overview, setOverview] = useState<GateOverview | null>(null);
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(async () => {
    try {
      const [o, r] = await Promise.all([getOverview(), getReferrals()]);
      setOverview(o);
      setReferrals(r);
      setProblem(null);
    } catch (err) {
      setProblem(err);
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 15_000);
    return () => window.clearInterval(timer);
  }, [load]);
  const time = (iso: string) => new Intl.DateTimeFormat(formatLocaleOf(lang), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const minutes = (n: number | null) => (n === null ? t('gate.none') : t('gate.queue.minutes', { n: String(n) }));
  const act = async (fn: () => Promise<unknown>, done: MessageKey) => {
    setNotice('');
    try {
      await fn();
      setNotice(t(done));
      await load();
    } catch (err) {
      setProblem(err);
    }
  };
  const canOverride = user.roles.some((r) => r === 'border_guard' || r === 'customs_officer' || r === 'customs_supervisor');

  return (
    <>
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id}>
        <button type="button" className="button button-secondary button-small" onClick={() => void load()}>{t('gate.refresh')}</button>
      </PageHeader>
      {overview && <p className="field-hint">{t('gate.updated', { time: time(overview.at) })}</p>}
      {problem !== null && <p role="alert" className="field-problems">{describeProblem(problem, t)}</p>}
      <p role="status" aria-live="polite">{notice}</p>
      {overview && (
        <div className="gate-grid">
          <section className="panel" aria-labelledby="gate-yard">
            <h2 id="gate-yard">{t('gate.yard.title')}</h2>
            <dl className="gate-figures">
              <div><dt>{t('gate.yard.occupancy')}</dt><dd>{t('gate.yard.occupancyValue', { n: String(overview.yard.occupancy), capacity: String(overview.yard.capacity) })}</dd></div>
              <div><dt>{t('gate.yard.waiting')}</dt><dd>{overview.yard.waiting}</dd></div>
              <div><dt>{t('gate.yard.called')}</dt><dd>{overview.yard.calledForward}</dd></div>
              <div><dt>{t('gate.yard.outer')}</dt><dd>{overview.yard.atOuterGate}</dd></div>
            </dl>
            <h3>{t('gate.queue.title')}</h3>
            {overview.yard.queue.length === 0 ? <p>{t('gate.queue.empty')}</p> : (
              <div className="table-wrap">
                <table className="gate-table" aria-labelledby="gate-yard">
                  <thead><tr><th>{t('gate.queue.col.position')}</th><th>{t('gate.queue.col.plate')}</th><th>{t('gate.queue.col.slot')}</th><th>{t('gate.queue.col.wait')}</th></tr></thead>
                  <tbody>
                    {overview.yard.queue.slice(0, 30).map((q) => (
                      <tr key={q.journeyId}><td>{q.position}</td><td className="gate-plate">{q.plate}</td><td>{time(q.slotStart)}</td><td>{minutes(q.estimatedWaitMinutes)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="button-row">
              <button type="button" className="button button-primary button-small" onClick={() => void act(callForward, key('gate.queue.callForward'))}>{t('gate.queue.callForward')}</button>
            </div>
          </section>

          <section className="panel" aria-labelledby="gate-referrals">
            <h2 id="gate-referrals">{t('gate.referrals.title')}</h2>
            {referrals.length === 0 ? <p>{t('gate.referrals.empty')}</p> : (
              <ul className="gate-list">
                {referrals.slice(0, 20).map((r) => <ReferralItem key={r.id} referral={r} canResolve={canOverride} onResolve={(journeyId, reason) => act(() => resolveReferral(r.id, journeyId, reason), key('gate.referrals.done'))} />)}
              </ul>
            )}
          </section>

          <section className="panel" aria-labelledby="gate-held">
            <h2 id="gate-held">{t('gate.held.title')}</h2>
            {overview.held.length === 0 ? <p>{t('gate.held.empty')}</p> : (
              <ul className="gate-list">
                {overview.held.map((h) => <HeldItem key={h.journeyId} truck={h} canOverride={canOverride} onOverride={(kind, reason) => act(() => overrideException(h.journeyId, kind, reason), key('gate.held.done'))} />)}
              </ul>
            )}
          </section>

          <section className="panel" aria-labelledby="gate-dwell">
            <h2 id="gate-dwell">{t('gate.dwell.title')}</h2>
            <div className="table-wrap">
              <table className="gate-table" aria-labelledby="gate-dwell">
                <thead><tr><th>{t('gate.dwell.col.stage')}</th><th>{t('gate.dwell.col.done')}</th><th>{t('gate.dwell.col.p50')}</th><th>{t('gate.dwell.col.p90')}</th><th>{t('gate.dwell.col.now')}</th><th>{t('gate.dwell.col.longest')}</th></tr></thead>
                <tbody>
                  {overview.dwell.map((d) => (
                    <tr key={d.stage}><td>{t(key(`gate.stage.${d.stage}`))}</td><td>{d.completed}</td><td>{minutes(d.p50Minutes)}</td><td>{minutes(d.p90Minutes)}</td><td>{d.current}</td><td>{minutes(d.longestCurrentMinutes === null ? null : Math.round(d.longestCurrentMinutes))}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="gate-lanes">
            <h2 id="gate-lanes">{t('gate.lanes.title')}</h2>
            <div className="table-wrap">
              <table className="gate-table" aria-labelledby="gate-lanes">
                <thead><tr><th>{t('gate.lanes.col.direction')}</th><th>{t('gate.lanes.col.class')}</th><th>{t('gate.lanes.col.lanes')}</th><th>{t('gate.lanes.col.perSlot')}</th></tr></thead>
                <tbody>
                  {overview.lanes.map((l) => (
                    <tr key={`${l.direction}/${l.laneClass}`}><td>{t(key(`gate.direction.${l.direction}`))}</td><td>{t(key(`gate.class.${l.laneClass}`))}</td><td>{l.lanes}</td><td>{l.trucksPerSlot}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      )}
    </>
  );
}

function ReasonForm({ id, submitLabel, onSubmit }: { id: string; submitLabel: string; onSubmit: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length >= 3) void onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} className="field">
      <label className="field-label" htmlFor={id}>{t('gate.held.reason')}</label>
      <input id={id} value={reason} minLength={3} required onChange={(e) => setReason(e.target.value)} />
      <div className="button-row"><button type="submit" className="button button-danger-outline button-small">{submitLabel}</button></div>
    </form>
  );
}

function HeldItem({ truck, canOverride, onOverride }: { truck: HeldTruck; canOverride: boolean; onOverride: (kind: string, reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <li className="gate-item">
      <p><span className="gate-plate">{truck.plate}</span> · {t(key(`gate.stage.${truck.state}`))}</p>
      {truck.exceptions.map((e) => (
        <div key={e.kind}>
          <p><strong>{t(key(`gate.exception.${e.kind}`))}</strong>: {e.detail}</p>
          {canOverride && (open === e.kind
            ? <ReasonForm id={`override-${truck.journeyId}-${e.kind}`} submitLabel={t('gate.held.confirm', { kind: t(key(`gate.exception.${e.kind}`)) })} onSubmit={(r) => onOverride(e.kind, r)} />
            : <button type="button" className="button button-secondary button-small" onClick={() => setOpen(e.kind)} aria-label={`${t('gate.held.override')}: ${truck.plate}, ${t(key(`gate.exception.${e.kind}`))}`}>{t('gate.held.override')}</button>)}
        </div>
      ))}
    </li>
  );
}

function ReferralItem({ referral, canResolve, onResolve }: { referral: Referral; canResolve: boolean; onResolve: (journeyId: string | null, reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const candidates = (referral.candidates as Array<{ id?: string; plate?: string }>).filter((c): c is { id: string; plate: string } => typeof c === 'object' && !!c.id);
  const reasonKey = `gate.referrals.reason.${referral.reason}`;
  const id = `ref-reason-${referral.id}`;
  return (
    <li className="gate-item">
      <p><strong>{t(key(reasonKey.includes('container') ? 'gate.referrals.reason.no_match' : reasonKey))}</strong></p>
      <p>{t('gate.referrals.read', { read: referral.read, device: referral.deviceId })}</p>
      {canResolve && (
        <>
          <label className="field-label" htmlFor={id}>{t('gate.referrals.reason')}</label>
          <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="button-row">
            {candidates.map((c) => (
              <button key={c.id} type="button" className="button button-primary button-small" disabled={reason.trim().length < 3} onClick={() => void onResolve(c.id, reason.trim())}>
                {t('gate.referrals.candidate', { plate: c.plate })}
              </button>
            ))}
            <button type="button" className="button button-secondary button-small" disabled={reason.trim().length < 3} onClick={() => void onResolve(null, reason.trim())}>{t('gate.referrals.none')}</button>
          </div>
        </>
      )}
    </li>
  );
}
