import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../api.ts';
import { uploadDocument } from '../../customs/api.ts';
import { codeLabel } from '../../customs/labels.ts';
import { type DocumentView } from '../../customs/types.ts';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '../../customs/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';

interface DocumentUploadProps {
  declarationId: string;
  defaultType?: string;
  onUploaded: (doc: DocumentView) => void;
}

/** Attaches a PDF, JPEG or PNG (≤ 10 MiB) of a chosen type; the server's 413/415 answers are shown in the user's language. */
export function DocumentUpload({ declarationId, defaultType = 'commercial_invoice', onUploaded }: DocumentUploadProps) {
  const { t } = useI18n();
  const uid = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [type, setType] = useState(defaultType);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState('');

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setDone('');
    if (!file) {
      setProblem(new ApiProblem({ title: 'No file', status: 0, code: 'NO_FILE' }));
      fileRef.current?.focus();
      return;
    }
    // Checked here too so a large file is not sent only to be refused; the server enforces it regardless.
    if (file.size > MAX_DOCUMENT_BYTES) {
      setProblem(new ApiProblem({ title: 'Too large', status: 413, code: 'PAYLOAD_TOO_LARGE' }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const doc = await uploadDocument(declarationId, type, file);
      setDone(t('customs.upload.done', { name: doc.filename }));
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onUploaded(doc);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${uid}-error`;
  return (
    <form className="upload-form" onSubmit={upload} noValidate aria-label={t('customs.upload.title')}>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-type`}>
          {t('customs.upload.type')}
        </label>
        <select id={`${uid}-type`} value={type} onChange={(e) => setType(e.target.value)}>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {codeLabel(t, 'customs.doc.', d)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-file`}>
          {t('customs.upload.file')}
        </label>
        <input
          ref={fileRef}
          id={`${uid}-file`}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby={`${uid}-hint${problem ? ` ${errorId}` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setProblem(null);
            setDone('');
          }}
        />
        <p className="field-hint" id={`${uid}-hint`}>
          {t('customs.upload.hint')}
        </p>
      </div>
      <button type="submit" className="button button-secondary" disabled={busy} aria-busy={busy}>
        {busy ? t('customs.upload.busy') : t('customs.upload.submit')}
      </button>
      <div role="alert" className="alert-region">
        {problem !== null && (
          <p className="alert alert-error" id={errorId}>
            {describeProblem(problem, t)}
          </p>
        )}
      </div>
      <p role="status" className="upload-status">
        {done}
      </p>
    </form>
  );
}
