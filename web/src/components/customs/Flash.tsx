import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';

/** What a detail page tells the user after an action: done, or refused and why. */
export type FlashMessage = { tone: 'success'; text: string } | { tone: 'error'; problem: unknown } | null;

/** The page's message after an action, with setters for success and refusal. */
export function useFlash() {
  const [flash, setFlash] = useState<FlashMessage>(null);
  const success = useCallback((text: string) => setFlash({ tone: 'success', text }), []);
  const refused = useCallback((problem: unknown) => setFlash({ tone: 'error', problem }), []);
  return { flash, success, refused, clear: useCallback(() => setFlash(null), []) };
}

/** Shows the page's message in a live region (a refusal as an alert, brought into view). */
export function Flash({ flash }: { flash: FlashMessage }) {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (flash?.tone === 'error') ref.current?.scrollIntoView({ block: 'nearest' });
  }, [flash]);
  return (
    <>
      <div role="alert" className="alert-region">
        {flash?.tone === 'error' && (
          <p ref={ref} className="alert alert-error">
            {describeProblem(flash.problem, t)}
          </p>
        )}
      </div>
      <div role="status" className="alert-region">
        {flash?.tone === 'success' && <p className="alert alert-success">{flash.text}</p>}
      </div>
    </>
  );
}
