import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldProblem } from '../../infra/errors/index.ts';
import { EnvelopeV1, MESSAGE_SCHEMAS, SignedMessage, type MessageType } from './messages.ts';

// ajv-formats ships CommonJS; under ESM its function is the default export or nested in it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false }));

const wire = ajv.compile(SignedMessage);
const envelope = ajv.compile(EnvelopeV1);
const payloads = new Map<string, ValidateFunction>();
for (const [type, versions] of Object.entries(MESSAGE_SCHEMAS)) {
  for (const [version, schema] of Object.entries(versions)) payloads.set(`${type}@${version}`, ajv.compile(schema));
}

function problems(errors: ErrorObject[] | null | undefined, prefix: string): FieldProblem[] {
  const out = new Map<string, FieldProblem>();
  for (const e of errors ?? []) {
    let pointer = prefix + e.instancePath;
    if (e.keyword === 'required') pointer += `/${String(e.params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String(e.params.additionalProperty)}`;
    const code = e.keyword === 'required' ? 'FIELD_REQUIRED' : e.keyword === 'additionalProperties' ? 'FIELD_NOT_ALLOWED' : `SCHEMA_${e.keyword.toUpperCase()}`;
    // One problem per field: a union reports each branch that failed, which says the same thing.
    if (!out.has(pointer)) out.set(pointer, { pointer: pointer || '/', code, message: e.keyword === 'required' ? 'is required' : e.message ?? 'is not valid' });
  }
  return [...out.values()];
}

/** Checks the wire wrapper (message, keyId, signature): only the shape, nothing about the content. */
export function checkWire(body: unknown): FieldProblem[] {
  return wire(body) ? [] : problems(wire.errors, '');
}

/** Checks the envelope and its payload against the schema of its type and version. */
export function checkEnvelope(message: unknown): FieldProblem[] {
  if (!envelope(message)) return problems(envelope.errors, '/message');
  const m = message as { type: string; version: number; payload: unknown };
  return checkPayload(m.type as MessageType, m.version, m.payload, '/message/payload');
}

/** Checks a payload against its type's schema; an unknown version is a problem at `/message/version`. */
export function checkPayload(type: MessageType, version: number, payload: unknown, prefix = '/payload'): FieldProblem[] {
  const validate = payloads.get(`${type}@${version}`);
  if (!validate) return [{ pointer: prefix.replace(/\/payload$/, '/version'), code: 'VERSION_UNSUPPORTED', message: `version ${version} of ${type} is not supported` }];
  return validate(payload) ? [] : problems(validate.errors, prefix);
}
