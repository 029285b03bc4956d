import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../api.ts';
import { getWorklist } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { WorkItem } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { ChannelBadge, StateBadge } from '../customs/Badges.tsx';

const REFRESH_MS = 30_000;

/** The open yellow and red cases in the order the backend gives (red first, then risk, then waiting), refreshed every 30 s. */
export function Worklist({ page, user }: { page: ShellPage; user: User }) {
  const { t } = useI18n();
  const f = useFormats();
  const [items, setItems] = useState<WorkItem[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await getWorklist());
      setLoadedAt(new Date().toISOString());
      setProblem(null);
    } catch (err) {
      setProblem(err);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const supervisor = user.roles.includes('customs_supervisor');
  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(supervisor ? 'customs.worklist.introSupervisor' : 'customs.worklist.intro')} focusKey="worklist">
        <button type="button" className="button button-secondary" onClick={() => void load()}>
          {t('customs.worklist.refresh')}
        </button>
      </PageHeader>
      <section className="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('customs.worklist.queueTitle')}</h2>
        <p className="muted" role="status">
          {loadedAt ? t('customs.worklist.updated', { time: f.dateTime(loadedAt), n: String(items?.length ?? 0) }) : t('common.loading')}
        </p>
        {problem !== null && (
          <p className="alert alert-error" role="alert">
            {describeProblem(problem, t)}
          </p>
        )}
        {items?.length === 0 && <p className="empty-state">{t('customs.worklist.empty')}</p>}
        {items && items.length > 0 && (
          <div className="table-wrap">
            <table className="data-table worklist">
              <thead>
                <tr>
                  <th scope="col">{t('customs.worklist.case')}</th>
                  <th scope="col">{t('customs.list.channel')}</th>
                  <th scope="col">{t('customs.worklist.risk')}</th>
                  <th scope="col">{t('customs.list.status')}</th>
                  <th scope="col">{t('customs.worklist.waiting')}</th>
                  <th scope="col">{t('customs.worklist.assignee')}</th>
                  <th scope="col">{t('customs.field.expectedArrival')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <tr key={w.id} className={`row-${w.channel}`}>
                    <td>
                      <a href={routeHref('worklist', w.id)}>
                        <span className="mono">{w.tractorPlate ?? w.id}</span>
                      </a>
                      <span className="cell-note">
                        {[w.type && codeLabel(t, 'customs.type.', w.type), w.borderGate && codeLabel(t, 'customs.gate.', w.borderGate), t('customs.worklist.items', { n: String(w.goodsItems) })]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      <span className="cell-note mono">{w.id}</span>
                    </td>
                    <td>
                      <ChannelBadge channel={w.channel} />
                    </td>
                    <td>
                      <strong>{w.riskScore === null ? '—' : f.number(w.riskScore, 2)}</strong>
                      {w.reasons.map((r, i) => (
                        <span key={`${r.code}-${i}`} className="cell-note mono">
                          {r.code}
                        </span>
                      ))}
                    </td>
                    <td>
                      <StateBadge state={w.state} />
                    </td>
                    <td>{f.duration(w.waitingMinutes)}</td>
                    <td>{w.assignee?.name ?? t('customs.worklist.unassigned')}</td>
                    <td>{f.dateTime(w.expectedArrival)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
