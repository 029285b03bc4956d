import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openCheckpoint } from './checkpoint.ts';
import { sha256Tree } from './merkle.ts';
import { leafData } from './model.ts';
import { parseVerifierKey } from './note.ts';
import { rootFromInclusionProof } from './verify.ts';

// The worked example of docs/ledger.md ("How a third party verifies"), checked as a vector.
const VKEY = 'borderflow.example/VN-MONGCAI+d799a441+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c';
const NOTE = `borderflow.example/VN-MONGCAI
3
fjefdir61F8Ig//EaaJE9jDl4YfqNGpDgV880awtcMM=

— borderflow.example/VN-MONGCAI 15mkQRCI7aOGQ/ZB1cuTlviO7oKweX5qFbmO7nnLquOL2zgyAjnngpfVjtffMe5umMvGc8FfAyVr/Yko2QBl5JoLlww=
`;
const ENTRY = {
  sourceId: 'evt_01KB0Z7J3Q5W8E2R4T6Y8U0I1C', type: 'declaration.assessed', subject: 'decl_01KB0Z7J3Q5W8E2R4T6Y8U0I1B',
  occurredAt: '2026-11-23T08:00:01.000Z', contentSha256: '81fb7a817a4e300c5b453aeeea23ee273c857719b16dbf936511c2570d740c26',
};
const PATH = ['myfmS8NF95ZysfmETtIqaJfFiQHFEXWPERJoLaSmSNM=', 'ePcs+X+QHjZAhA+6iE2bjSttpJgJpcYriW1pc1PmuvU='];

test('the worked example in docs/ledger.md verifies step by step', () => {
  const checkpoint = openCheckpoint(NOTE, parseVerifierKey(VKEY));
  assert.equal(checkpoint.size, 3);
  const leaf = sha256Tree.leaf(leafData(ENTRY));
  assert.equal(Buffer.from(leaf).toString('base64'), '6Q4IrwKJePqr3DlkLLxCE25uJPVrRixB+RlN1Kx4dfw=');
  const path = PATH.map((h) => Buffer.from(h, 'base64'));
  assert.equal(Buffer.from(sha256Tree.node(path[0]!, leaf)).toString('base64'), 'sUYoR4nwXIAKuLCP+67bm3qHBwaWskMyyI2H1Vp1gf8=');
  const root = rootFromInclusionProof(sha256Tree, 1, 3, leaf, path);
  assert.ok(root && checkpoint.rootHash.equals(root));
});
