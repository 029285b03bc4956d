import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError, defineErrors, listErrorCodes } from './index.ts';

test('a module registers its codes and gets a typed factory; the catalogue lists them', () => {
  const err = defineErrors('unit-test', { UNIT_TEST_THING_BROKEN: { status: 409, title: 'Thing broken', fix: 'Mend it.' } });
  const e = err('UNIT_TEST_THING_BROKEN', 'the thing is broken', [{ pointer: '/thing', code: 'X', message: 'broken' }], { state: 'broken' });
  assert.ok(e instanceof AppError);
  assert.equal(e.status, 409);
  assert.equal(e.title, 'Thing broken');
  assert.deepEqual(e.errors, [{ pointer: '/thing', code: 'X', message: 'broken' }]);
  assert.deepEqual(e.extensions, { state: 'broken' });
  assert.ok(listErrorCodes().some((c) => c.code === 'UNIT_TEST_THING_BROKEN' && c.module === 'unit-test'));
});

test('the catalogue is closed: a code defined by two modules or an unknown code is refused', () => {
  defineErrors('unit-a', { UNIT_SHARED_CODE: { status: 400, title: 't', fix: 'f' } });
  assert.throws(() => defineErrors('unit-b', { UNIT_SHARED_CODE: { status: 400, title: 't', fix: 'f' } }), /defined twice/);
  assert.throws(() => new AppError('NO_SUCH_CODE_ANYWHERE', 'x'), /not in the catalogue/);
});
