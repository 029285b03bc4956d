import type { Ref } from 'react';
import { fieldId, pointerLabel, problemMessage } from '../../customs/pointers.ts';
import type { FieldProblem } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTouch } from './form-problems.tsx';

interface ProblemSummaryProps {
  problems: readonly FieldProblem[] | null;
  checking: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Focuses the input a pointer names, or the nearest group around it that is on the page. */
function focusField(pointer: string): void {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/** Every problem of the declaration, each a link to its input; says when there are none. */
export function ProblemSummary({ problems, checking, headingRef }: ProblemSummaryProps) {
  const { t } = useI18n();
  const touch = useTouch();
  const count = problems?.length ?? 0;
  const status = problems === null ? t('customs.validation.checking') : count === 0 ? t('customs.validation.ok') : t('customs.validation.count', { n: String(count) });
  return (
    <section className={`problem-summary ${count ? 'has-problems' : problems ? 'is-valid' : ''}`.trim()} aria-labelledby="problem-summary-title">
      <h2 id="problem-summary-title" ref={headingRef} tabIndex={-1}>
        {t('customs.validation.title')}
      </h2>
      <p className="problem-summary-status" aria-live="polite">
        {status}
        {checking && problems !== null && <span className="muted"> · {t('customs.validation.checking')}</span>}
      </p>
      {count > 0 && (
        <ul className="problem-summary-list">
          {problems?.map((p) => (
            <li key={`${p.pointer}:${p.code}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  touch(p.pointer);
                  focusField(p.pointer);
                }}
              >
                {pointerLabel(p.pointer, t)}
              </button>
              : {problemMessage(p, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
