import { ApiProblem, NETWORK_ERROR } from './api.ts';
import { codeLabel } from './customs/labels.ts';
import { isMessageKey, type MessageKey, type Translate } from './i18n/index.tsx';

/** Problem codes whose message the UI words itself, in the user's language. */
const TRANSLATED_CODES: Readonly<Record<string, MessageKey>> = {
  AUTH_INVALID_CREDENTIALS: 'error.invalidCredentials',
  AUTH_LOCKED_OUT: 'error.lockedOut',
  RATE_LIMITED: 'error.rateLimited',
  [NETWORK_ERROR]: 'error.network',
};

/** The translated name of a declaration state, or the raw state for one this UI does not know. */
export function stateLabel(state: string, t: Translate): string {
  return codeLabel(t, 'customs.state.', state);
}

/**
 * What to tell the user about a failure: a translated message for known codes (`error.CODE` in
 * the dictionaries; a refused transition names the current state), else the server's detail.
 */
export function describeProblem(err: unknown, t: Translate): string {
  if (!(err instanceof ApiProblem)) return t('error.generic');
  const key = TRANSLATED_CODES[err.code] ?? `error.${err.code}`;
  if (isMessageKey(key)) return t(key, { state: err.currentState ? stateLabel(err.currentState, t) : '' });
  return err.detail || t('error.generic');
}
