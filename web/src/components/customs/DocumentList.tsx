import { useState } from 'react';
import { documentUrl } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { DocumentView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';

/** Opens a document in a new tab: fetched with the session, shown from a blob (the download answer says "attachment"). */
async function openDocument(url: string): Promise<void> {
  // The tab is opened inside the click, before the fetch, so no pop-up blocker stops it.
  const tab = window.open('about:blank', '_blank');
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const blobUrl = URL.createObjectURL(await res.blob());
    if (tab) tab.location.href = blobUrl;
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  } catch (err) {
    tab?.close();
    throw err;
  }
}

/** A declaration's documents with open and download links. */
export function DocumentList({ declarationId, documents }: { declarationId: string; documents: readonly DocumentView[] }) {
  const { t } = useI18n();
  const f = useFormats();
  const [problem, setProblem] = useState<unknown>(null);
  if (documents.length === 0) return <p className="muted">{t('customs.documents.none')}</p>;
  return (
    <>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <ul className="document-list">
        {documents.map((d) => {
          const url = documentUrl(declarationId, d.id);
          return (
            <li key={d.id} className="document">
              <div className="document-main">
                <span className="document-type">{codeLabel(t, 'customs.doc.', d.type)}</span>
                <span className="document-name">{d.filename}</span>
                <span className="document-meta muted">
                  {f.bytes(d.sizeBytes)} · {f.dateTime(d.uploadedAt)}
                </span>
              </div>
              <div className="document-actions">
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={t('customs.documents.openNamed', { name: d.filename })}
                  onClick={() => {
                    setProblem(null);
                    openDocument(url).catch((err: unknown) => setProblem(err));
                  }}
                >
                  {t('customs.documents.open')}
                </button>
                <a className="button button-small button-secondary" href={url} download={d.filename} aria-label={t('customs.documents.downloadNamed', { name: d.filename })}>
                  {t('customs.documents.download')}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
