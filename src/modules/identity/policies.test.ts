import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Role } from '../../infra/auth/index.ts';
import { accountPolicy, enterprisePolicy } from './policies.ts';

const actor = (roles: Role[], enterpriseId: string | null = null): Actor => ({ kind: 'user', id: 'usr_1', name: 'u', roles, enterpriseId });

test('a declarant reads only its own enterprise; agency staff read any; only admins manage', () => {
  const own = { id: 'ent_A' };
  const other = { id: 'ent_B' };
  assert.equal(enterprisePolicy.read(actor(['declarant'], 'ent_A'), own), true);
  assert.equal(enterprisePolicy.read(actor(['declarant'], 'ent_A'), other), false);
  assert.equal(enterprisePolicy.read(actor(['declarant'], null), own), false, 'a declarant without an enterprise sees none');
  for (const role of ['customs_officer', 'customs_supervisor', 'auditor', 'admin'] as Role[]) assert.equal(enterprisePolicy.read(actor([role]), other), true, role);
  assert.equal(enterprisePolicy.read(actor(['partner_system']), other), false, 'the partner system is not shown our enterprise register');
  assert.equal(enterprisePolicy.manage(actor(['customs_supervisor']), own), false);
  assert.equal(enterprisePolicy.manage(actor(['admin']), own), true);
});

test('accounts are read by admins and auditors, managed by admins only', () => {
  assert.equal(accountPolicy.read(actor(['auditor']), null), true);
  assert.equal(accountPolicy.manage(actor(['auditor']), null), false);
  assert.equal(accountPolicy.read(actor(['customs_officer']), null), false);
  assert.equal(accountPolicy.manage(actor(['admin']), null), true);
});
