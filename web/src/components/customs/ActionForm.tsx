import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem } from '../../api.ts';
import { act } from '../../customs/api.ts';
import { useIdempotencyKeys } from '../../customs/idempotency.ts';
import type { DeclarationView, FieldProblem } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { FormProblemsProvider } from './form-problems.tsx';

interface ActionFormProps {
  declarationId: string;
  /** The action as `allowedActions` names it (`release`, `request_documents`, …). */
  action: string;
  title: string;
  submitLabel: string;
  /** The request body, built when the user confirms. */
  body: () => unknown;
  children: ReactNode;
  danger?: boolean;
  onDone: (d: DeclarationView) => void;
  /** The declaration moved on meanwhile, or a guard refused (409): the page says why and reloads it. */
  onConflict: (problem: ApiProblem) => void;
  onClose: () => void;
}

const NO_TOUCH = new Set<string>();

/**
 * A confirm form for one action on a declaration: sends it once (with an Idempotency-Key, so a
 * double click is one decision), shows field problems beside their inputs and a refused
 * transition (409) with the state the declaration is in now.
 */
export function ActionForm({ declarationId, action, title, submitLabel, body, children, danger, onDone, onConflict, onClose }: ActionFormProps) {
  const { t } = useI18n();
  const keys = useIdempotencyKeys();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const inFlight = useRef(false);
  const context = useMemo(() => ({ problems, showAll: true, touched: NO_TOUCH, touch: () => undefined }), [problems]);

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    const payload = body();
    try {
      const d = await act(declarationId, action, payload, keys.keyFor(`${action}:${JSON.stringify(payload)}`));
      keys.settle();
      setProblems([]);
      onDone(d);
    } catch (err) {
      keys.settle(err);
      const fieldProblems = err instanceof ApiProblem && err.status === 400 ? err.errors : [];
      setProblems(fieldProblems);
      // A refusal is told by the page, which outlives this form (the action may be gone after the reload).
      if (err instanceof ApiProblem && err.status === 409) onConflict(err);
      else if (fieldProblems.length === 0) setProblem(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <FormProblemsProvider value={context}>
      <form className={`action-form ${danger ? 'is-danger' : ''}`.trim()} onSubmit={send} noValidate aria-label={title}>
        <h3 className="action-form-title">{title}</h3>
        {children}
        <div role="alert" className="alert-region">
          {problem !== null && <p className="alert alert-error">{describeProblem(problem, t)}</p>}
        </div>
        <div className="action-form-buttons">
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} aria-busy={busy}>
            {busy ? t('customs.actionForm.busy') : submitLabel}
          </button>
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            {t('customs.actionForm.close')}
          </button>
        </div>
      </form>
    </FormProblemsProvider>
  );
}
