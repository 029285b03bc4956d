import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { getCheckpointNote, getEntries, getInclusionProof, getVerifierKey } from '../../ledger/api.ts';
import { entryIsIncluded, openCheckpoint, type Checkpoint, type LedgerEntry } from '../../ledger/verify.ts';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { DataTable } from '../DataTable.tsx';
import { PageHeader } from '../PageHeader.tsx';

/** What "Verify" found for one entry. */
type Verdict = 'included' | 'not-included' | 'newer';

/** The verdict on one entry, or the button that asks for it. */
function VerifyCell({ entry, verdict, size, onVerify }: { entry: LedgerEntry; verdict: Verdict | undefined; size: number | undefined; onVerify: (e: LedgerEntry) => Promise<void> }) {
  const { t } = useI18n();
  if (!verdict) {
    return (
      <button type="button" className="button button-secondary" onClick={() => void onVerify(entry)} aria-label={`${t('ledger.entries.verify')} #${entry.index}`}>
        {t('ledger.entries.verify')}
      </button>
    );
  }
  const text = verdict === 'included' ? `✓ ${t('ledger.entries.included', { size: String(size ?? '') })}` : verdict === 'newer' ? t('ledger.entries.newer') : `✗ ${t('ledger.entries.notIncluded')}`;
  return (
    <span role="status" className={verdict === 'not-included' ? 'danger-text' : undefined}>
      {text}
    </span>
  );
}

/**
 * The transparency log for auditors and the partner customs: the latest signed checkpoint (its
 * signature checked in the browser) and the entries, each verifiable against that checkpoint
 * with an inclusion proof the browser checks itself.
 */
export function LedgerScreen({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const f = useFormats();
  const [checkpoint, setCheckpoint] = useState<Checkpoint | null>(null);
  const [entries, setEntries] = useState<LedgerEntry[] | null>(null);
  const [subject, setSubject] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [problem, setProblem] = useState<unknown>(null);

  const load = useCallback(async (about: string | null) => {
    setProblem(null);
    try {
      const [note, key] = await Promise.all([getCheckpointNote(), getVerifierKey()]);
      setCheckpoint(await openCheckpoint(note, key));
      setEntries((await getEntries(about)).items);
      setShown(about);
      setVerdicts({});
    } catch (err) {
      setProblem(err);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    void load(subject.trim() || null);
  };

  const verify = async (entry: LedgerEntry) => {
    if (!checkpoint) return;
    if (entry.index >= checkpoint.size) {
      setVerdicts((v) => ({ ...v, [entry.index]: 'newer' }));
      return;
    }
    try {
      const proof = await getInclusionProof(entry.index, checkpoint.size);
      setVerdicts((v) => ({ ...v, [entry.index]: entryIsIncluded(entry, proof, checkpoint) ? 'included' : 'not-included' }));
    } catch (err) {
      setProblem(err);
    }
  };

  const signature =
    checkpoint?.signatureValid === true ? t('ledger.checkpoint.signatureValid') : checkpoint?.signatureValid === false ? t('ledger.checkpoint.signatureInvalid') : t('ledger.checkpoint.signatureUnchecked');

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <section className="panel" aria-labelledby="checkpoint-title">
        <h2 id="checkpoint-title">{t('ledger.checkpoint.title')}</h2>
        <p className="muted">{t('ledger.checkpoint.intro')}</p>
        {checkpoint === null && problem === null && <p role="status">{t('common.loading')}</p>}
        {checkpoint && (
          <dl className="fact-grid">
            <div className="fact">
              <dt>{t('ledger.checkpoint.origin')}</dt>
              <dd className="mono">{checkpoint.origin}</dd>
            </div>
            <div className="fact">
              <dt>{t('ledger.checkpoint.size')}</dt>
              <dd data-testid="checkpoint-size">{checkpoint.size}</dd>
            </div>
            <div className="fact">
              <dt>{t('ledger.checkpoint.root')}</dt>
              <dd className="mono hash">{checkpoint.rootHash}</dd>
            </div>
            <div className="fact">
              <dt>{t('ledger.checkpoint.signature')}</dt>
              <dd className={checkpoint.signatureValid === false ? 'danger-text' : undefined}>{signature}</dd>
            </div>
            <div className="fact">
              <dt>{t('ledger.checkpoint.cosigners')}</dt>
              <dd className="mono">{checkpoint.cosigners.length ? checkpoint.cosigners.join(', ') : t('ledger.checkpoint.noCosigners')}</dd>
            </div>
          </dl>
        )}
        <button type="button" className="button button-secondary" onClick={() => void load(shown)}>
          {t('ledger.checkpoint.refresh')}
        </button>
      </section>
      <section className="panel" aria-labelledby="entries-title">
        <h2 id="entries-title">{shown ? `${t('ledger.entries.title')}: ${shown}` : t('ledger.entries.latest')}</h2>
        <p className="muted">{t('ledger.entries.intro')}</p>
        <form className="inline-search" onSubmit={search}>
          <label className="field">
            <span className="field-label">{t('ledger.entries.subject')}</span>
            <input value={subject} onChange={(e) => setSubject(e.target.value)} className="mono" />
          </label>
          <button type="submit" className="button button-primary">
            {t('ledger.entries.search')}
          </button>
        </form>
        {entries?.length === 0 && <p className="empty-state">{t('ledger.entries.empty')}</p>}
        {entries && entries.length > 0 && (
          <DataTable
            rows={entries}
            rowKey={(e) => e.index}
            columns={[
              { header: t('ledger.entries.index'), cell: (e) => e.index },
              { header: t('ledger.entries.type'), cell: (e) => e.type, className: 'mono' },
              { header: t('ledger.entries.record'), cell: (e) => e.subject, className: 'mono' },
              { header: t('ledger.entries.at'), cell: (e) => f.dateTime(e.occurredAt) },
              { header: t('ledger.entries.hash'), cell: (e) => `${e.contentSha256.slice(0, 16)}…`, className: 'mono hash', title: (e) => e.contentSha256 },
              { header: t('ledger.entries.verify'), cell: (e) => <VerifyCell entry={e} verdict={verdicts[e.index]} size={checkpoint?.size} onVerify={verify} /> },
            ]}
          />
        )}
      </section>
    </article>
  );
}
