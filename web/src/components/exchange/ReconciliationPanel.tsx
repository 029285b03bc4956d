import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { DataTable } from '../DataTable.tsx';
import { getReconciliation, type Reconciliation, type ReconciliationRow } from './api.ts';
import { typeLabel } from './labels.ts';

const DAY_MS = 86_400_000;
/** A UTC day (`YYYY-MM-DD`) `offset` days from `at`. */
const dayOf = (at: Date, offset = 0) => new Date(at.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

/** What a row still owes: sent but not acknowledged, received but not processed. */
const unacknowledged = (r: ReconciliationRow) => r.sent - r.acknowledged;
const unprocessed = (r: ReconciliationRow) => r.received - r.processed;
const hasGap = (r: ReconciliationRow) => unacknowledged(r) > 0 || unprocessed(r) > 0;

/**
 * The reconciliation report by UTC day (of the message's creation, as both sides count it),
 * partner and type: sent vs acknowledged vs received vs processed, rows with a gap marked in
 * words and colour.
 */
export function ReconciliationPanel({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => ({ from: dayOf(new Date(), -6), to: dayOf(new Date()) }));
  const [period, setPeriod] = useState(draft);
  const [report, setReport] = useState<Reconciliation | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const load = useCallback(async (p: { from: string; to: string }) => {
    try {
      setReport(await getReconciliation(`${p.from}T00:00:00Z`, `${dayOf(new Date(`${p.to}T00:00:00Z`), 1)}T00:00:00Z`));
      setProblem(null);
    } catch (err) {
      setProblem(err);
    }
  }, []);

  useEffect(() => {
    void load(period);
  }, [period, reloadKey, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to) setPeriod(draft);
  };

  const gap = (r: ReconciliationRow) => (hasGap(r) ? 'exchange-gap' : undefined);
  const gaps = report?.rows.filter(hasGap).length ?? 0;

  return (
    <section className="panel" aria-labelledby="exchange-recon-title">
      <h2 id="exchange-recon-title">{t('exchange.recon.title')}</h2>
      <p className="muted">{t('exchange.recon.intro')}</p>
      <form className="exchange-filters" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('exchange.recon.from')}</span>
          <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('exchange.recon.to')}</span>
          <input type="date" value={draft.to} min={draft.from} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="button button-secondary">{t('exchange.recon.show')}</button>
      </form>
      {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
      {report === null && problem === null && <p role="status">{t('common.loading')}</p>}
      {report?.rows.length === 0 && <p className="empty-state">{t('exchange.recon.empty')}</p>}
      {report && report.rows.length > 0 && (
        <>
          <p>
            {t('exchange.recon.totals', { sent: String(report.totals.sent), acknowledged: String(report.totals.acknowledged), received: String(report.totals.received), processed: String(report.totals.processed) })}
            {gaps > 0 && <strong className="danger-text"> {t('exchange.recon.gaps', { n: String(gaps) })}</strong>}
          </p>
          <DataTable
            rows={report.rows}
            rowKey={(r) => `${r.day}|${r.partner}|${r.type}`}
            columns={[
              { header: t('exchange.recon.day'), cell: (r) => r.day, className: 'exchange-nowrap' },
              { header: t('exchange.col.partner'), cell: (r) => r.partner, className: 'mono' },
              { header: t('exchange.col.type'), cell: (r) => typeLabel(t, r.type) },
              { header: t('exchange.recon.sent'), cell: (r) => r.sent, className: 'num' },
              { header: t('exchange.recon.acknowledged'), cell: (r) => r.acknowledged, className: (r) => (unacknowledged(r) > 0 ? 'num exchange-gap' : 'num') },
              { header: t('exchange.recon.pending'), cell: (r) => r.pending, className: 'num' },
              { header: t('exchange.recon.dead'), cell: (r) => r.deadLettered, className: (r) => (r.deadLettered > 0 ? 'num exchange-gap' : 'num') },
              { header: t('exchange.recon.received'), cell: (r) => r.received, className: 'num' },
              { header: t('exchange.recon.processed'), cell: (r) => r.processed, className: (r) => (unprocessed(r) > 0 ? 'num exchange-gap' : 'num') },
              {
                header: t('exchange.recon.check'),
                className: gap,
                cell: (r) => hasGap(r)
                  ? [unacknowledged(r) > 0 && t('exchange.recon.unacknowledged', { n: String(unacknowledged(r)) }), unprocessed(r) > 0 && t('exchange.recon.unprocessed', { n: String(unprocessed(r)) })].filter(Boolean).join(' · ')
                  : t('exchange.recon.balanced'),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
