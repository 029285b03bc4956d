import { defineErrors } from '../errors/index.ts';

/** Authentication and authorization codes shared by every route. */
export const authError = defineErrors('platform', {
  AUTH_REQUIRED: { status: 401, title: 'Sign-in required', fix: 'Send `Authorization: Bearer <token>`, the session cookie, or `X-Api-Key`.' },
  AUTH_TOKEN_EXPIRED: { status: 401, title: 'The session or token has expired', fix: 'Sign in again with `POST /api/auth/login`.' },
  AUTH_TOKEN_INVALID: { status: 401, title: 'The credential is not valid', fix: 'Sign in again, or use a current API key.' },
  FORBIDDEN: { status: 403, title: 'Your role does not allow this', fix: 'Ask an administrator for the role named in `detail`.' },
});
