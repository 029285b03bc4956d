import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../api.ts';
import { searchAudit, verifyAudit, type AuditFilter, type AuditRecord } from '../../audit/api.ts';
import { useFormats } from '../../customs/format.ts';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { PlannedCards } from '../Dashboard.tsx';
import { DataTable } from '../DataTable.tsx';
import { PageHeader } from '../PageHeader.tsx';

const EMPTY: Required<AuditFilter> = { actor: '', target: '', action: '', from: '', to: '' };

/** A `datetime-local` value (the browser's time zone) as an ISO instant, or undefined. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The details of a record on one line: `key: value` pairs, values as JSON when not text. */
function detailsLine(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

/**
 * The audit trail for auditors, supervisors and admins: every state change with who, when,
 * what and from where, searchable, a page at a time, and (auditors, admins) the hash chains
 * checked on demand. Signed extracts are still planned.
 */
export function AuditScreen({ page, user }: { page: ShellPage; user: User }) {
  const { t } = useI18n();
  const f = useFormats();
  const [draft, setDraft] = useState(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditRecord[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const load = useCallback(async (by: AuditFilter, cursor: string | null) => {
    setProblem(null);
    try {
      const result = await searchAudit(by, cursor);
      setItems((old) => (cursor && old ? [...old, ...result.items] : result.items));
      setNext(result.next);
    } catch (err) {
      setProblem(err);
    }
  }, []);

  useEffect(() => {
    void load(filter, null);
  }, [filter, load]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ actor: draft.actor.trim(), target: draft.target.trim(), action: draft.action.trim(), from: instant(draft.from), to: instant(draft.to) });
  };

  const verify = async () => {
    setVerdict(null);
    try {
      const v = await verifyAudit();
      setVerdict(v.ok ? t('audit.verify.ok', { n: String(v.records) }) : t('audit.verify.bad', { id: String(v.firstBad?.id ?? '?'), reason: v.firstBad?.reason ?? '' }));
    } catch (err) {
      setProblem(err);
    }
  };

  const input = (key: keyof typeof EMPTY, label: string, type = 'text') => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <section className="panel" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title">{t('audit.filter.title')}</h2>
        <form className="inline-search" onSubmit={search}>
          {input('actor', t('audit.filter.actor'))}
          {input('target', t('audit.filter.target'))}
          {input('action', t('audit.filter.action'))}
          {input('from', t('audit.filter.from'), 'datetime-local')}
          {input('to', t('audit.filter.to'), 'datetime-local')}
          <button type="submit" className="button button-primary">
            {t('audit.filter.search')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilter({});
            }}
          >
            {t('audit.filter.clear')}
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="audit-records-title">
        <h2 id="audit-records-title">{t('audit.records.title')}</h2>
        {items === null && problem === null && <p role="status">{t('common.loading')}</p>}
        {items?.length === 0 && <p className="empty-state">{t('audit.records.empty')}</p>}
        {items && items.length > 0 && (
          <DataTable
            rows={items}
            rowKey={(r) => r.id}
            columns={[
              { header: t('audit.records.at'), cell: (r) => f.dateTime(r.at) },
              {
                header: t('audit.records.actor'),
                cell: (r) => (
                  <>
                    {r.actorName ?? t('audit.records.system')}
                    {r.sourceIp && <div className="muted mono">{r.sourceIp}</div>}
                  </>
                ),
              },
              { header: t('audit.records.action'), cell: (r) => r.action, className: 'mono' },
              { header: t('audit.records.target'), cell: (r) => r.targetId ?? '—', className: 'mono' },
              {
                header: t('audit.records.outcome'),
                cell: (r) => (isMessageKey(`audit.outcome.${r.outcome}`) ? t(`audit.outcome.${r.outcome}` as MessageKey) : r.outcome),
                className: (r) => (r.outcome === 'success' ? undefined : 'danger-text'),
              },
              { header: t('audit.records.details'), cell: (r) => detailsLine(r.details), className: 'audit-details' },
            ]}
          />
        )}
        {next && (
          <button type="button" className="button button-secondary" onClick={() => void load(filter, next)}>
            {t('audit.records.more')}
          </button>
        )}
      </section>
      {user.roles.some((r) => r === 'auditor' || r === 'admin') && (
        <section className="panel" aria-labelledby="audit-verify-title">
          <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
          <p className="muted">{t('audit.verify.intro')}</p>
          <button type="button" className="button button-secondary" onClick={() => void verify()}>
            {t('audit.verify.run')}
          </button>
          {verdict && <p role="status">{verdict}</p>}
        </section>
      )}
      <PlannedCards cards={page.cards} />
    </article>
  );
}
