/** The ledger HTTP API as the ledger page calls it (contract: docs/ledger.md). */
import { ApiProblem, NETWORK_ERROR } from '../api.ts';
import { request } from '../api.ts';
import type { LedgerEntry } from './verify.ts';

/** A text/plain resource (the checkpoint note, the verifier key). */
async function text(path: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  } catch (err) {
    throw new ApiProblem({ title: 'Network error', status: 0, code: NETWORK_ERROR, detail: String(err) });
  }
  if (!res.ok) throw new ApiProblem({ title: res.statusText || `HTTP ${res.status}`, status: res.status, code: `HTTP_${res.status}` });
  return res.text();
}

/** The latest checkpoint as a signed note, with the witnesses' cosignatures. */
export const getCheckpointNote = () => text('/api/public/ledger/checkpoint');

/** The log's C2SP verifier key. */
export const getVerifierKey = () => text('/api/public/ledger/verifier-key');

/** The latest entries, or those about one record. */
export function getEntries(subject: string | null): Promise<{ treeSize: number; items: LedgerEntry[] }> {
  const q = new URLSearchParams(subject ? { subject } : { limit: '20' });
  return request('GET', `/api/ledger/entries?${q}`);
}

/** The audit path of an entry in the tree of `size` entries. */
export function getInclusionProof(index: number, size: number): Promise<{ index: number; treeSize: number; hashes: string[] }> {
  return request('GET', `/api/ledger/proofs/inclusion?index=${index}&size=${size}`);
}
