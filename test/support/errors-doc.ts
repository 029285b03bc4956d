import { listErrorCodes } from '../../src/infra/errors/index.ts';
import { problemType } from '../../src/infra/http/index.ts';

/** Renders docs/errors.md from every code registered by the platform's modules. */
export async function renderErrorsDoc(): Promise<string> {
  await import('../../src/platform.ts'); // registers every module's catalogue
  const rows = listErrorCodes();
  const lines = [
    '# Error codes',
    '',
    'Every error the API returns is an RFC 9457 `application/problem+json` body:',
    '',
    '```json',
    '{ "type": "urn:borderflow:problem:validation-failed", "title": "The request is not valid", "status": 400,',
    '  "code": "VALIDATION_FAILED", "detail": "2 problem(s) with the request", "instance": "/api/auth/login",',
    '  "requestId": "req_01J…", "errors": [{ "pointer": "/username", "code": "FIELD_REQUIRED", "message": "is required" }] }',
    '```',
    '',
    '`code` is stable: clients branch on it, never on `title` or `detail`. `requestId` is also in the',
    '`x-request-id` header and in the server log line of the request. Validation problems list every',
    'field at once in `errors`, each located by a JSON pointer (RFC 6901) into the request body',
    '(`/query/…`, `/params/…` for the query string and path). A NUL character (U+0000) anywhere in',
    'the path, query or body — PostgreSQL text cannot hold one — is refused before anything else with',
    '`NUL_CHARACTER` at the field that carries it; a number too large to be finite (`1e309`) is',
    '`SCHEMA_FINITE`.',
    '',
    'This table is generated from the code by `npx tsx tools/errors-doc.ts`; a test keeps it in step.',
    '',
    '| code | HTTP | module | meaning | how to fix |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.code}\` | ${r.status} | ${r.module} | ${r.title} | ${r.fix.replace(/\|/g, '\\|')} |`),
    '',
    'Problem `type` URIs are `' + problemType('EXAMPLE_CODE').replace('example-code', '<code in lower case, dashes>') + '`.',
    '',
  ];
  return lines.join('\n');
}
