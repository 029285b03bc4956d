import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderErrorsDoc } from '../support/errors-doc.ts';

test('docs/errors.md lists every error code the platform can return', async () => {
  const file = path.join(import.meta.dirname, '..', '..', 'docs', 'errors.md');
  const expected = await renderErrorsDoc();
  assert.equal(readFileSync(file, 'utf8'), expected, 'docs/errors.md is out of date: run `npx tsx tools/errors-doc.ts`');
});
