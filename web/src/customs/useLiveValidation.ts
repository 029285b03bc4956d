import { useEffect, useState } from 'react';
import { validateDeclaration } from './api.ts';
import type { DeclarationContent, ValidationResult } from './types.ts';

/** The latest live validation of a form's content. */
export interface LiveValidation {
  /** The answer for the content as it is now, or null while it is being checked. */
  result: ValidationResult | null;
  /** The last answer, even if the content has changed since (keeps the page steady while typing). */
  last: ValidationResult | null;
  checking: boolean;
  /** Why the check itself failed (no tariff loaded, no connection), or null. */
  problem: unknown;
}

/**
 * Checks the content with the server's validate endpoint a moment after the user stops typing,
 * so every rule (check digits, tariff lines, tax ids) is the server's, named by JSON pointer.
 * Answers to superseded content are ignored.
 */
export function useLiveValidation(content: DeclarationContent | null, delayMs = 350): LiveValidation {
  const json = content === null ? null : JSON.stringify(content);
  const [answer, setAnswer] = useState<{ json: string; result: ValidationResult } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    if (json === null) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      validateDeclaration(JSON.parse(json) as DeclarationContent).then(
        (result) => {
          if (!live) return;
          setAnswer({ json, result });
          setProblem(null);
          setChecking(false);
        },
        (err: unknown) => {
          if (!live) return;
          setProblem(err);
          setChecking(false);
        },
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [json, delayMs]);

  return { result: answer && answer.json === json ? answer.result : null, last: answer?.result ?? null, checking, problem };
}
