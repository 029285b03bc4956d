import type { Ref } from 'react';
import { useFormats } from '../../customs/format.ts';
import type { DeclarationView, Duties, FieldProblem } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { DutyTotals } from '../customs/GoodsTable.tsx';
import { ProblemSummary } from '../customs/ProblemSummary.tsx';
import type { EditorMode } from './useDeclarationSave.ts';

interface EditorAsideProps {
  mode: EditorMode;
  problems: readonly FieldProblem[] | null;
  checking: boolean;
  validationProblem: unknown;
  duties: Duties | null;
  stored: DeclarationView | null;
  busy: 'save' | 'submit' | null;
  actionProblem: unknown;
  summaryRef: Ref<HTMLHeadingElement>;
  onSave: () => void;
  onSubmit: () => void;
}

/** Beside the form: the live problem summary, the duty estimate, and save / submit. */
export function EditorAside(p: EditorAsideProps) {
  const { t } = useI18n();
  const f = useFormats();
  return (
    <aside className="editor-aside" aria-label={t('customs.editor.asideLabel')}>
      <ProblemSummary problems={p.problems} checking={p.checking} headingRef={p.summaryRef} />
      {p.validationProblem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(p.validationProblem, t)}
        </p>
      )}
      {p.duties && p.duties.totals.length > 0 && (
        <section className="aside-block" aria-labelledby="estimate-title">
          <h2 id="estimate-title">{t('customs.duties.title')}</h2>
          <DutyTotals duties={p.duties} />
          <p className="field-hint">{t('customs.duties.disclaimer')}</p>
        </section>
      )}
      <div className="aside-block editor-actions">
        {p.mode !== 'amend' && (
          <button type="button" className="button button-secondary" disabled={p.busy !== null} aria-busy={p.busy === 'save'} onClick={p.onSave}>
            {p.busy === 'save' ? t('customs.editor.saving') : t('customs.editor.save')}
          </button>
        )}
        <button type="button" className="button button-primary" disabled={p.busy !== null} aria-busy={p.busy === 'submit'} onClick={p.onSubmit}>
          {p.busy === 'submit' ? t('customs.editor.submitting') : p.mode === 'amend' ? t('customs.editor.submitAmendment') : t('customs.editor.submit')}
        </button>
        <a className="button button-ghost" href={p.stored ? routeHref('declarations', p.stored.id) : routeHref('declarations')}>
          {t('customs.editor.back')}
        </a>
        <p role="status" className="muted">
          {p.stored && p.mode === 'edit' ? t('customs.editor.savedAt', { time: f.dateTime(p.stored.updatedAt) }) : ''}
        </p>
        <div role="alert" className="alert-region">
          {p.actionProblem !== null && <p className="alert alert-error">{describeProblem(p.actionProblem, t)}</p>}
        </div>
      </div>
    </aside>
  );
}
