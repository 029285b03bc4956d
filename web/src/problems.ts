import { ApiProblem, NETWORK_ERROR } from './api.ts';
import type { MessageKey, Translate } from './i18n/index.tsx';

/** Problem codes whose message the UI words itself, in the user's language. */
const TRANSLATED_CODES: Readonly<Record<string, MessageKey>> = {
  AUTH_INVALID_CREDENTIALS: 'error.invalidCredentials',
  AUTH_LOCKED_OUT: 'error.lockedOut',
  RATE_LIMITED: 'error.rateLimited',
  [NETWORK_ERROR]: 'error.network',
};

/** What to tell the user about a failure: a translated message for known codes, else the server's detail. */
export function describeProblem(err: unknown, t: Translate): string {
  if (!(err instanceof ApiProblem)) return t('error.generic');
  const key = TRANSLATED_CODES[err.code];
  if (key) return t(key);
  return err.detail || t('error.generic');
}
