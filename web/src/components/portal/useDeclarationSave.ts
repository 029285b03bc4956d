import { useRef, useState } from 'react';
import { ApiProblem } from '../../api.ts';
import { amendDeclaration, createAndSubmit, createDraft, submitDraft, updateDraft } from '../../customs/api.ts';
import { useIdempotencyKeys } from '../../customs/idempotency.ts';
import type { DeclarationContent, DeclarationView, FieldProblem } from '../../customs/types.ts';

/** How the editor was opened. */
export type EditorMode = 'new' | 'edit' | 'amend';

interface SaveCallbacks {
  /** The server refused the content, naming every problem (400). */
  onProblems: (problems: FieldProblem[]) => void;
  /** A draft was stored (the first save of a new one creates it). */
  onSaved: (d: DeclarationView) => void;
  /** The declaration was submitted or amended, and assessed. */
  onSubmitted: (d: DeclarationView) => void;
}

/**
 * Saving and submitting the declaration form. Every POST carries an `Idempotency-Key` that stays
 * the same while the content is unchanged and unanswered, so a double click or a retry after a
 * lost connection creates one declaration, not two.
 */
export function useDeclarationSave(mode: EditorMode, id: string | undefined, callbacks: SaveCallbacks) {
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const inFlight = useRef(false);
  const keys = useIdempotencyKeys();

  async function run(kind: 'save' | 'submit', content: DeclarationContent, call: (json: string) => Promise<DeclarationView>) {
    // A second click while the first is on its way does nothing (the key would replay it anyway).
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(kind);
    setProblem(null);
    const json = JSON.stringify(content);
    try {
      const d = await call(json);
      keys.settle();
      (kind === 'save' ? callbacks.onSaved : callbacks.onSubmitted)(d);
    } catch (err) {
      keys.settle(err);
      if (err instanceof ApiProblem && err.status === 400 && err.errors.length > 0) callbacks.onProblems(err.errors);
      else setProblem(err);
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  }

  /** Stores the draft (new and edit modes only). */
  const save = (content: DeclarationContent) =>
    run('save', content, (json) => (id ? updateDraft(id, content) : createDraft(content, keys.keyFor(`create:${json}`))));

  /** Submits: a new declaration in one step, a stored draft after saving it, or an amendment. */
  const submit = (content: DeclarationContent) =>
    run('submit', content, async (json) => {
      if (mode === 'amend' && id) return amendDeclaration(id, content, keys.keyFor(`amend:${json}`));
      if (!id) return createAndSubmit(content, keys.keyFor(`create-submit:${json}`));
      await updateDraft(id, content);
      return submitDraft(id, keys.keyFor(`submit:${json}`));
    });

  return { busy, problem, save, submit };
}
