/** A small JSON client for tests against a running platform. */
export interface Reply<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a request and parses the JSON (or problem+json) reply. */
export async function call(base: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Signs in and returns the bearer token. */
export async function login(base: string, username: string, password = 'demo'): Promise<string> {
  const r = await call(base, 'POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { token: string }).token;
}
