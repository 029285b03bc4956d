import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { moduleBoundary } from '../../tools/eslint/module-boundary.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { borderflow: { rules: { 'module-boundary': moduleBoundary } } },
    rules: { 'borderflow/module-boundary': 'error' as const },
  },
];

function lint(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: path.join(root, file) }).map((m) => m.message);
}

test('a module may import another module only through its index.ts', () => {
  assert.deepEqual(lint('src/modules/customs/service.ts', "import { x } from '../identity/index.ts';"), []);
  assert.deepEqual(lint('src/modules/customs/service.ts', "import { y } from './store.ts';"), []);
  assert.deepEqual(lint('src/modules/customs/service.ts', "import { x } from '../../infra/db/index.ts';"), []);
  const bad = lint('src/modules/customs/service.ts', "import { users } from '../identity/store.ts';");
  assert.equal(bad.length, 1);
  assert.match(bad[0]!, /only through its index\.ts/);
  assert.equal(lint('src/modules/gate/a/b.ts', "export * from '../../identity/migrations/index.ts';").length, 1, 'a nested index is still internal');
  assert.equal(lint('src/modules/gate/routes.ts', "const m = await import('../customs/model.ts');").length, 1);
});

test('infra imports no domain module', () => {
  const bad = lint('src/infra/http/server.ts', "import { identityError } from '../../modules/identity/index.ts';");
  assert.equal(bad.length, 1);
  assert.match(bad[0]!, /must not import a domain module/);
  assert.deepEqual(lint('src/infra/http/server.ts', "import { sql } from '../db/index.ts';"), []);
});
