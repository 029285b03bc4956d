import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officerForTurn, ruleFreeAssessor } from './assessment.ts';
import { isDocumentMediaType, safeFilename, sniffMediaType } from './documents.ts';

const officers = [{ id: 'usr_c', name: 'C' }, { id: 'usr_a', name: 'A' }, { id: 'usr_b', name: 'B' }];

test('assignment rotates through every officer in turn and wraps around', () => {
  const picked = [1, 2, 3, 4, 5, 6, 7].map((turn) => officerForTurn(officers, turn)!.id);
  assert.deepEqual(picked, ['usr_b', 'usr_c', 'usr_a', 'usr_b', 'usr_c', 'usr_a', 'usr_b']);
});

test('a re-assessed case goes to someone other than its previous officer when anyone else is on duty', () => {
  for (let turn = 1; turn <= 6; turn++) assert.notEqual(officerForTurn(officers, turn, 'usr_b')!.id, 'usr_b');
  assert.equal(officerForTurn([{ id: 'usr_a', name: 'A' }], 5, 'usr_a')!.id, 'usr_a', 'the only officer still gets it');
  assert.equal(officerForTurn([], 1), null);
});

test('the rule-free assessor sends everything to one channel and says why', async () => {
  const a = await ruleFreeAssessor().assess({} as never);
  assert.equal(a.channel, 'yellow');
  assert.equal(a.reasons[0]!.code, 'NO_RISK_RULES');
});

test('documents are recognised by their magic numbers, not their names', () => {
  assert.equal(sniffMediaType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
  assert.equal(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(sniffMediaType(Buffer.from('GIF89a')), null);
  assert.ok(isDocumentMediaType('image/png') && !isDocumentMediaType('image/gif'));
  assert.equal(safeFilename('../etc/"passwd"\n', 'x'), '.._etc__passwd__');
  assert.equal(safeFilename('  ', 'invoice.pdf'), 'invoice.pdf');
});
