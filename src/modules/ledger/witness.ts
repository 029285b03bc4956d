/**
 * Witnessing a peer's log, pure: given the last checkpoint we saw from it and a new one with a
 * consistency proof, decide whether to cosign, refuse, or raise a fork. This is the check of
 * c2sp.org/tlog-witness ("the log only ever appends"), returning reasons, not booleans.
 */
import type { Checkpoint } from './checkpoint.ts';
import type { LedgerErrorCode } from './errors.ts';
import { sha256Tree } from './merkle.ts';
import { verifyConsistency } from './verify.ts';

/** A tree head seen from a peer: size and root. */
export interface TreeHead {
  size: number;
  rootHash: Uint8Array;
}

/** Why a checkpoint shows the log forked. */
export type ForkReason =
  /** Same size as one we cosigned, different root. */
  | 'same_size_different_root'
  /** Larger than the last we cosigned, but the proof does not show it extends it. */
  | 'inconsistent';

/** The decision on a peer checkpoint. */
export type WitnessVerdict =
  | { kind: 'cosign'; grew: boolean }
  | { kind: 'refuse'; code: Extract<LedgerErrorCode, 'LEDGER_CHECKPOINT_STALE' | 'LEDGER_CONSISTENCY_PROOF_INVALID'>; detail: string }
  | { kind: 'fork'; code: 'LEDGER_FORK_DETECTED'; reason: ForkReason; detail: string };

/**
 * Detects a fork between a tree head we trust and a later-or-equal one: same size with another
 * root, or a larger size the proof does not connect (RFC 9162 §2.1.4.2). Null when consistent.
 */
export function detectFork(known: TreeHead, next: TreeHead, proof: readonly Uint8Array[]): { reason: ForkReason; detail: string } | null {
  if (next.size === known.size) {
    if (sha256Tree.equal(next.rootHash, known.rootHash)) return null;
    return { reason: 'same_size_different_root', detail: `two different roots for size ${known.size}` };
  }
  if (next.size < known.size) throw new RangeError('detectFork compares a tree head with a later one');
  if (verifyConsistency(sha256Tree, known.size, next.size, proof, known.rootHash, next.rootHash)) return null;
  return { reason: 'inconsistent', detail: `the proof does not show size ${next.size} extends the size ${known.size} already cosigned` };
}

/**
 * Judges a peer's (already signature-checked) checkpoint against the largest one we cosigned
 * (`last`) and, for an older size, the one we cosigned at that size (`atSize`), if any.
 */
export function judgeCheckpoint(last: TreeHead | null, atSize: TreeHead | null, next: Pick<Checkpoint, 'size' | 'rootHash'>, proof: readonly Uint8Array[]): WitnessVerdict {
  if (!last) return { kind: 'cosign', grew: true }; // first sight: trust on first use
  if (next.size < last.size) {
    // An older view: a fork if it contradicts what we saw at that size, else a replay.
    if (atSize && !sha256Tree.equal(atSize.rootHash, next.rootHash)) {
      return { kind: 'fork', code: 'LEDGER_FORK_DETECTED', reason: 'same_size_different_root', detail: `two different roots for size ${next.size}` };
    }
    return { kind: 'refuse', code: 'LEDGER_CHECKPOINT_STALE', detail: `size ${next.size} is older than size ${last.size} already cosigned` };
  }
  if (next.size > last.size && last.size > 0 && proof.length === 0) {
    return { kind: 'refuse', code: 'LEDGER_CONSISTENCY_PROOF_INVALID', detail: `a consistency proof from size ${last.size} to ${next.size} is needed` };
  }
  const fork = detectFork(last, next, proof);
  if (fork) return { kind: 'fork', code: 'LEDGER_FORK_DETECTED', ...fork };
  return { kind: 'cosign', grew: next.size > last.size };
}
