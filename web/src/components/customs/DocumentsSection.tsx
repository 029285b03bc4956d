import { useCallback, useEffect, useState } from 'react';
import { listDocuments } from '../../customs/api.ts';
import type { DocumentView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { DocumentList } from './DocumentList.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';

interface DocumentsSectionProps {
  declarationId: string;
  /** The documents when the page has loaded them already; otherwise the section loads them. */
  documents?: readonly DocumentView[];
  canUpload: boolean;
  defaultType?: string;
  onChanged?: () => void;
}

/** A declaration's documents, and the upload form while documents may still be added. */
export function DocumentsSection({ declarationId, documents, canUpload, defaultType, onChanged }: DocumentsSectionProps) {
  const { t } = useI18n();
  const [own, setOwn] = useState<DocumentView[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const loadOwn = useCallback(() => {
    listDocuments(declarationId).then(setOwn, setProblem);
  }, [declarationId]);

  useEffect(() => {
    if (!documents) loadOwn();
  }, [documents, loadOwn]);

  const shown = documents ?? own;
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('customs.documents.title')}</h2>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      {shown ? <DocumentList declarationId={declarationId} documents={shown} /> : <p role="status">{t('common.loading')}</p>}
      {canUpload && (
        <DocumentUpload
          declarationId={declarationId}
          defaultType={defaultType}
          onUploaded={() => {
            if (!documents) loadOwn();
            onChanged?.();
          }}
        />
      )}
    </section>
  );
}
