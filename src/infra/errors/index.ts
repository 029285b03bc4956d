/**
 * The closed catalogue of error codes. Every module declares its codes with `defineErrors`;
 * `docs/errors.md` lists them all (a test keeps it in step) and the HTTP layer maps them to
 * RFC 9457 problem details in one place.
 */

/** What a code means, how it maps to HTTP, and what the caller can do about it. */
export interface ErrorDefinition {
  status: number;
  title: string;
  fix: string;
}

/** One problem with one field of the input, located by a JSON pointer (RFC 6901). */
export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

const catalogue = new Map<string, ErrorDefinition & { module: string }>();

/** An error with a stable code from the catalogue. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    const def = catalogue.get(code);
    if (!def) throw new Error(`error code ${code} is not in the catalogue`);
    this.status = def.status;
    this.title = def.title;
    this.name = 'AppError';
  }
}

/** Registers a module's error codes and returns a typed factory for them. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(module: string, defs: T) {
  for (const [code, def] of Object.entries(defs)) {
    const existing = catalogue.get(code);
    if (existing && existing.module !== module) throw new Error(`error code ${code} defined twice`);
    catalogue.set(code, { ...def, module });
  }
  return (code: keyof T & string, detail: string, errors?: FieldProblem[], extensions?: Record<string, unknown>) =>
    new AppError(code, detail, errors, extensions);
}

/** Every registered code, for the docs table. */
export function listErrorCodes(): Array<{ code: string } & ErrorDefinition & { module: string }> {
  return [...catalogue.entries()].map(([code, def]) => ({ code, ...def })).sort((a, b) => a.module.localeCompare(b.module) || a.code.localeCompare(b.code));
}

/** Platform-wide codes that belong to no single module. */
export const platformError = defineErrors('platform', {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid', fix: 'Correct every field listed in `errors` and send again.' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON', fix: 'Send a well-formed JSON document with `content-type: application/json`.' },
  NOT_FOUND: { status: 404, title: 'Not found', fix: 'Check the path; the resource may not exist or may not be visible to you.' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint', fix: 'Check the method and path against `/api/openapi.json`.' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', fix: 'Use a method the endpoint supports.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', fix: 'Send the content type the endpoint documents (usually `application/json`).' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The body is too large', fix: 'Send a smaller body; the limit is in the `detail`.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency key reused with a different request', fix: 'Use a new `Idempotency-Key` for a different request body.' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, title: 'A request with this idempotency key is still being processed', fix: 'Wait and retry with the same key.' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'Idempotency key is not valid', fix: 'Send 1 to 255 visible ASCII characters.' },
  CONFLICT: { status: 409, title: 'Conflict with the current state', fix: 'Reload the resource and retry.' },
  RATE_LIMITED: { status: 429, title: 'Too many requests', fix: 'Wait for the time given in `Retry-After` and retry.' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'A dependency is unavailable', fix: 'Retry later; operators should check `/health/ready`.' },
  SHUTTING_DOWN: { status: 503, title: 'The server is shutting down', fix: 'Retry against another instance or after restart.' },
  INTERNAL: { status: 500, title: 'Internal error', fix: 'Report the `requestId` to the operators.' },
});
