import { useState } from 'react';
import { useI18n, isMessageKey, type MessageKey } from '../../i18n/index.tsx';
import { actOnAlert, openIncident, type AlertView } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';
import { describeProblem } from '../../problems.ts';
import { navigate } from '../../router.ts';

/** Open alerts, most severe first, with acknowledge, assign, escalate and open-incident actions. */
export function AlertList({ alerts, onChanged, headingLevel = 2 }: { alerts: readonly AlertView[]; onChanged: () => void; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [assigning, setAssigning] = useState<{ id: string; name: string } | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ruleName = (rule: string) => (isMessageKey(`ioc.rule.${rule}`) ? t(`ioc.rule.${rule}` as MessageKey) : rule);

  async function run(id: string, fn: () => Promise<unknown>) {
    setBusy(id);
    setProblem(null);
    try {
      await fn();
      onChanged();
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel ioc-alerts" aria-labelledby="ioc-alerts-title">
      <Heading id="ioc-alerts-title">{t('ioc.alerts.title')} ({alerts.length})</Heading>
      {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
      {alerts.length === 0 && <p className="empty-state">{t('ioc.alerts.none')}</p>}
      <ul className="alert-list">
        {alerts.map((a) => (
          <li key={a.id} className={`alert-item severity-${a.severity} state-${a.state}`} data-alert={a.rule}>
            <div className="alert-head">
              <span className={`badge badge-${a.severity}`}>{t(`ioc.severity.${a.severity}`)}</span>
              <strong>{ruleName(a.rule)}</strong>
              <span className="muted">{t('ioc.alerts.raised', { time: f.time(a.raisedAt) })}</span>
            </div>
            <p className="alert-message">{a.message}</p>
            <p className="alert-meta muted">
              {a.acknowledgedBy && <span>{t('ioc.alerts.acknowledgedBy', { name: a.acknowledgedBy })}</span>}
              {a.assignee && <span>{t('ioc.alerts.assignedTo', { name: a.assignee })}</span>}
              {a.escalationLevel > 0 && <span className="escalation">{t('ioc.alerts.level', { n: String(a.escalationLevel) })}</span>}
            </p>
            <div className="alert-actions">
              {a.state === 'open' && (
                <button type="button" className="button button-primary" disabled={busy === a.id} onClick={() => run(a.id, () => actOnAlert(a.id, 'acknowledge'))}>
                  {t('ioc.alerts.acknowledge')}
                </button>
              )}
              <button type="button" className="button button-secondary" disabled={busy === a.id} onClick={() => setAssigning({ id: a.id, name: '' })}>
                {t('ioc.alerts.assign')}
              </button>
              <button type="button" className="button button-secondary" disabled={busy === a.id} onClick={() => run(a.id, () => actOnAlert(a.id, 'escalate'))}>
                {t('ioc.alerts.escalate')}
              </button>
              <button type="button" className="button button-secondary" disabled={busy === a.id}
                onClick={() => run(a.id, async () => navigate('incidents', (await openIncident({ alertId: a.id, agency: 'gate_operator' })).id))}>
                {t('ioc.alerts.openIncident')}
              </button>
            </div>
            {assigning?.id === a.id && (
              <form className="inline-form" onSubmit={(e) => { e.preventDefault(); const name = assigning.name.trim(); if (name) void run(a.id, () => actOnAlert(a.id, 'assign', name)).then(() => setAssigning(null)); }}>
                <label className="field">
                  <span className="field-label">{t('ioc.alerts.assignTo')}</span>
                  <input value={assigning.name} onChange={(e) => setAssigning({ id: a.id, name: e.target.value })} autoFocus />
                </label>
                <button type="submit" className="button button-primary">{t('ioc.alerts.assign')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
