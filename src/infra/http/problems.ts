import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, platformError, type FieldProblem } from '../errors/index.ts';
import { toFieldProblems } from './validation.ts';

/** The RFC 9457 body we send. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** The problem `type` URI for a code. */
export function problemType(code: string): string {
  return `urn:borderflow:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Builds the problem body for an application error. */
export function toProblem(err: AppError, req: FastifyRequest): Problem {
  return {
    ...(err.extensions ?? {}),
    type: problemType(err.code),
    title: err.title,
    status: err.status,
    code: err.code,
    detail: err.detail,
    instance: req.url.split('?')[0] ?? req.url,
    requestId: String(req.id),
    ...(err.errors ? { errors: err.errors } : {}),
  };
}

/** Sends a problem as `application/problem+json`. */
export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  if (err.status === 429 && typeof err.extensions?.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(err.extensions.retryAfterSeconds));
  }
  return reply.status(err.status).type('application/problem+json').send(toProblem(err, req));
}

/** Maps anything thrown to a catalogued problem: the one place errors become HTTP. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (e.validation) {
    const errors = toFieldProblems(e.validation as Parameters<typeof toFieldProblems>[0], e.validationContext);
    return platformError('VALIDATION_FAILED', `${errors.length} problem(s) with the request`, errors);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return platformError('PAYLOAD_TOO_LARGE', e.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return platformError('UNSUPPORTED_MEDIA_TYPE', e.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return platformError('MALFORMED_JSON', e.message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return platformError('VALIDATION_FAILED', e.message);
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return platformError('MALFORMED_JSON', e.message);
  if (typeof e.statusCode === 'number' && e.statusCode === 413) return platformError('PAYLOAD_TOO_LARGE', e.message);
  if (typeof e.statusCode === 'number' && e.statusCode === 415) return platformError('UNSUPPORTED_MEDIA_TYPE', e.message);
  return platformError('INTERNAL', 'An unexpected error occurred');
}

/** Installs the error handler: catalogued problems out, full errors to the log for 5xx only. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
    return sendProblem(reply, req, appError);
  });
}
