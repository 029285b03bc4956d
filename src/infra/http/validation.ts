import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from '../errors/index.ts';

// ajv-formats ships CommonJS; under ESM its function is the default export or nested in it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

// Bodies are taken as sent: no coercion, no silent removal of extra fields, every error at once.
const strict = addFormats(new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false }));
// Query strings, params and headers arrive as text and are coerced to the schema's types.
const coercing = addFormats(new Ajv({ allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false }));

/** Compiles route schemas: strict for bodies, coercing for the parts that arrive as text. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  const validate: ValidateFunction = ajv.compile(schema as object);
  return (data: unknown) => {
    if (!validate(data)) return { error: Object.assign(new Error('validation'), { validation: validate.errors ?? [] }) };
    // JSON's 1e309 and a query's `1e309` become Infinity, which ajv lets pass as an "integer".
    const infinite = nonFinite(data);
    return infinite.length > 0 ? { error: Object.assign(new Error('validation'), { validation: infinite }) } : { value: data };
  };
};

/** An ajv-shaped error for every number that is not finite, so it reads like any schema problem. */
function nonFinite(data: unknown): ErrorObject[] {
  const out: ErrorObject[] = [];
  const visit = (v: unknown, path: string, depth: number): void => {
    if (out.length >= 20 || depth > 64) return;
    if (typeof v === 'number' && !Number.isFinite(v)) out.push({ instancePath: path, schemaPath: '#', keyword: 'finite', params: {}, message: 'must be a finite number' });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}/${i}`, depth + 1));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${path}/${escape(k)}`, depth + 1);
  };
  visit(data, '', 0);
  return out;
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };

/** Turns ajv errors into field problems with JSON pointers to the offending field. */
export function toFieldProblems(errors: ErrorObject[], part = 'body'): FieldProblem[] {
  const prefix = PART_PREFIX[part] ?? '';
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let pointer = prefix + e.instancePath;
    let code = `SCHEMA_${e.keyword.toUpperCase()}`;
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'required') {
      pointer += `/${escape(String(e.params.missingProperty))}`;
      code = 'FIELD_REQUIRED';
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += `/${escape(String(e.params.additionalProperty))}`;
      code = 'FIELD_NOT_ALLOWED';
      message = 'is not an allowed field';
    } else if (e.keyword === 'type') {
      code = 'FIELD_TYPE';
      message = `must be ${String(e.params.type)}`;
    }
    const key = `${pointer}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: pointer || '/', code, message });
  }
  return out;
}

/**
 * Problems for every NUL character (U+0000) in a request's params, query or body, keys included:
 * PostgreSQL text cannot hold one, so it is refused at the edge, naming where it is, rather than
 * failing deep in a query.
 */
export function nulProblems(parts: { params?: unknown; query?: unknown; body?: unknown }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const visit = (value: unknown, pointer: string, depth: number): void => {
    if (out.length >= 20 || depth > 64) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) out.push({ pointer: pointer || '/', code: 'NUL_CHARACTER', message: 'must not contain the NUL character (U+0000)' });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${pointer}/${i}`, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) out.push({ pointer: `${pointer}/${escape(k)}`, code: 'NUL_CHARACTER', message: 'a field name must not contain the NUL character (U+0000)' });
        visit(v, `${pointer}/${escape(k)}`, depth + 1);
      }
    }
  };
  visit(parts.params, PART_PREFIX.params!, 0);
  visit(parts.query, PART_PREFIX.querystring!, 0);
  visit(parts.body, PART_PREFIX.body!, 0);
  return out;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
