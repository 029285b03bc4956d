/** Borderflow HTTP API client: JSON over fetch, same-origin session cookie, RFC 9457 errors. */

/** A role string as the server sends it. Unknown roles are tolerated and simply grant no pages. */
export type Role =
  | 'declarant'
  | 'customs_officer'
  | 'customs_supervisor'
  | 'border_guard'
  | 'ioc_operator'
  | 'auditor'
  | 'admin'
  | 'partner_system'
  | 'device';

/** The signed-in user as returned by `/api/auth/login` and `/api/auth/me`. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  enterpriseId: string | null;
  enterpriseName: string | null;
}

/** The gate site this platform instance runs. */
export interface Site {
  siteId: string;
  name: string;
}

/** One field-level validation error inside a problem document. */
export interface ProblemFieldError {
  pointer: string;
  code: string;
  message: string;
}

/** Client-side codes for failures that never reached a problem document. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/** An RFC 9457 problem returned by the API (or synthesised for network and non-JSON failures). */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  /** The resource's state when a transition was refused (409 problems carry it as `state`). */
  readonly currentState: string | null;

  constructor(p: {
    type?: string;
    title: string;
    status: number;
    code: string;
    detail?: string;
    errors?: ProblemFieldError[];
    currentState?: string | null;
  }) {
    super(p.detail || p.title);
    this.name = 'ApiProblem';
    this.type = p.type ?? 'about:blank';
    this.title = p.title;
    this.status = p.status;
    this.code = p.code;
    this.detail = p.detail ?? '';
    this.errors = p.errors ?? [];
    this.currentState = p.currentState ?? null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function toProblem(res: Response): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the HTTP status.
  }
  const b = isRecord(body) ? body : {};
  const errors = Array.isArray(b.errors) ? (b.errors.filter(isRecord) as unknown as ProblemFieldError[]) : [];
  return new ApiProblem({
    type: str(b.type),
    title: str(b.title) ?? (res.statusText || `HTTP ${res.status}`),
    status: typeof b.status === 'number' ? b.status : res.status,
    code: str(b.code) ?? `HTTP_${res.status}`,
    detail: str(b.detail),
    errors,
    currentState: str(b.state) ?? null,
  });
}

/** Extra request options: headers such as `Idempotency-Key`, or a raw (file) body with its type. */
export interface RequestOptions {
  headers?: Record<string, string>;
  raw?: { body: Blob; contentType: string };
}

/**
 * Sends one API request and returns the parsed JSON answer; throws `ApiProblem` for every
 * failure. POST and PUT send JSON (`{}` when there is no body) unless `raw` is given.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
  let payload: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.contentType;
    payload = opts.raw.body;
  } else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    // The server requires a JSON body on every POST, even when there is nothing to say.
    payload = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  } catch (err) {
    throw new ApiProblem({ title: 'Network error', status: 0, code: NETWORK_ERROR, detail: String(err) });
  }
  if (!res.ok) throw await toProblem(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Signs in; the server also sets the httpOnly session cookie that later calls rely on. */
export async function login(username: string, password: string): Promise<User> {
  const res = await request<{ token: string; expiresAt: string; user: User }>('POST', '/api/auth/login', {
    username,
    password,
  });
  return res.user;
}

/** Returns the user of the current session cookie, or null when nobody is signed in. */
export async function fetchMe(): Promise<User | null> {
  try {
    const res = await request<{ user: User }>('GET', '/api/auth/me');
    return res.user;
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) return null;
    throw err;
  }
}

/** Ends the session and clears the cookie. */
export async function logout(): Promise<void> {
  await request<void>('POST', '/api/auth/logout', {});
}

/** Fetches the site this instance serves (shown in the top bar). */
export async function fetchSite(): Promise<Site> {
  return request<Site>('GET', '/api/site');
}
