import { defineErrors } from '../../infra/errors/index.ts';

/** The transparency log's error codes; the witness verdicts carry the `LEDGER_CHECKPOINT_*` and fork codes. */
export const ledgerError = defineErrors('ledger', {
  LEDGER_ENTRY_NOT_FOUND: { status: 404, title: 'No log entry at this index', fix: 'Ask for an index below the tree size of the latest checkpoint.' },
  LEDGER_SIZE_BEYOND_TREE: { status: 400, title: 'The tree size asked for is larger than the log', fix: 'Ask for a size no larger than the tree size of the latest checkpoint (`treeSize` in the problem).' },
  LEDGER_PROOF_RANGE_INVALID: { status: 400, title: 'The proof parameters are out of range', fix: 'Inclusion needs 0 ≤ index < size; consistency needs 1 ≤ from ≤ to.' },
  LEDGER_ENTRY_INVALID: { status: 400, title: 'The log entry is not valid', fix: 'Give a source id, a noun.verb type, a subject, an instant and the content or its SHA-256 (the field is named).' },
  LEDGER_CHECKPOINT_INVALID: { status: 400, title: 'The checkpoint is malformed or not signed by the key given', fix: 'Send a C2SP signed checkpoint whose origin is the key name and whose signature verifies with that key.' },
  LEDGER_CHECKPOINT_STALE: { status: 409, title: 'The checkpoint is older than one already witnessed', fix: 'Send the latest checkpoint with a consistency proof from the size last cosigned.' },
  LEDGER_CONSISTENCY_PROOF_INVALID: { status: 400, title: 'The consistency proof is missing or malformed', fix: 'Send base64 SHA-256 hashes proving consistency from the size last cosigned to the new size.' },
  LEDGER_FORK_DETECTED: { status: 409, title: 'The checkpoint contradicts one already witnessed: the log forked', fix: 'Nothing to retry: the log presented two histories. Operators compare the evidence in the fork record.' },
  LEDGER_COSIGNATURE_INVALID: { status: 400, title: 'The cosignature does not verify over a checkpoint of this log', fix: 'Send a cosigned checkpoint this log issued, with a cosignature/v1 line by the key given.' },
  LEDGER_KEY_INVALID: { status: 400, title: 'The verifier key is not a usable C2SP note key', fix: 'Send `name+keyid+base64(type ‖ Ed25519 key)` with type 0x01 for a log, 0x04 for a cosigner.' },
});

/** Codes of the catalogue above. */
export type LedgerErrorCode = Parameters<typeof ledgerError>[0];
