import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Checkpointer } from './checkpoint-service.ts';
import { cosign, openCheckpoint, parseCheckpointText, verifyCosignature, type Cosignature, type OpenedCheckpoint } from './checkpoint.ts';
import type { LedgerErrorCode } from './errors.ts';
import type { LedgerLog } from './log-service.ts';
import { formatVerifierKey, parseNote, parseVerifierKey, rawPublicKey, SIG_COSIGNATURE_V1, SIG_ED25519, type NoteSigner, type NoteVerifier } from './note.ts';
import { cosignatures } from './store/checkpoints.ts';
import { forks, peers, type ForkRecord } from './store/witness.ts';
import { judgeCheckpoint, type ForkReason } from './witness.ts';

/** What the exchange hands the witness: a peer's signed checkpoint, its key, and a consistency proof. */
export interface WitnessRequest {
  /** The peer log's C2SP verifier key (type 0x01), as the exchange knows it for that partner. */
  verifierKey: string;
  /** The signed checkpoint note. */
  checkpoint: string;
  /** Base64 hashes proving consistency from the size we last cosigned for this peer (empty the first time). */
  proof: readonly string[];
}

/** The outcome: a cosignature to send back, or a refusal with a catalogued code; forks say so. */
export type WitnessResult =
  | { ok: true; origin: string; size: number; rootHash: string; cosignature: string; cosigned: string }
  | { ok: false; code: LedgerErrorCode; detail: string; fork: ForkReason | null; origin: string | null };

/** The outcome of handing in a cosignature a peer made on one of our checkpoints. */
export type CosignatureResult = { ok: true; size: number; cosigner: string; signedAt: number } | { ok: false; code: LedgerErrorCode; detail: string };

/**
 * The witness side of cosigning: checks peers' checkpoints against what it cosigned before
 * (stored per origin), cosigns them (C2SP tlog-cosignature, Ed25519 cosignature/v1), records forks
 * as evidence with an `ledger.fork_detected` event for the IOC, and collects the cosignatures
 * peers make on our own checkpoints. The transport between the sides is the exchange's.
 */
export class WitnessService {
  /** Our cosigner's verifier key (type 0x04), for partners to check our cosignatures. */
  readonly verifierKey: string;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly cosigner: NoteSigner,
    private readonly log: LedgerLog,
    private readonly checkpoints: Checkpointer,
  ) {
    this.verifierKey = formatVerifierKey({ ...cosigner, raw: rawPublicKey(cosigner.privateKey) });
  }

  /** Checks a peer checkpoint and cosigns it, refuses it, or records a fork. A refusal stores nothing but its audit record. */
  async witness(ctx: RequestContext, req: WitnessRequest): Promise<WitnessResult> {
    const opened = this.#open(req);
    if ('code' in opened) return { ok: false, ...opened, fork: null, origin: null };
    const proof = decodeProof(req.proof);
    if (!proof) return { ok: false, code: 'LEDGER_CONSISTENCY_PROOF_INVALID', detail: 'every proof hash is base64 of 32 bytes', fork: null, origin: opened.origin };
    return this.uow.run(ctx, async (w) => {
      const last = await peers.lockLatest(w.tx, opened.origin);
      const atSize = last && opened.size < last.size ? await peers.atSize(w.tx, opened.origin, opened.size) : null;
      const verdict = judgeCheckpoint(last, atSize, opened, proof);
      const note = req.checkpoint;
      if (verdict.kind === 'fork') {
        const known = atSize ?? last!;
        const fork: ForkRecord = {
          id: this.ids.next('fork'), origin: opened.origin, reason: verdict.reason, detail: verdict.detail, knownNote: known.note,
          offendingNote: note, proof: [...req.proof], detectedAt: w.now,
        };
        await forks.insert(w.tx, fork);
        w.emit({ type: 'ledger.fork_detected', subject: fork.id, data: { origin: fork.origin, reason: fork.reason, detail: fork.detail, knownSize: known.size, offendingSize: opened.size } });
        w.audit({ action: 'ledger.fork_detected', targetType: 'peer_log', targetId: opened.origin, outcome: 'denied', details: { reason: fork.reason, forkId: fork.id, size: opened.size } });
        return { ok: false, code: verdict.code, detail: verdict.detail, fork: verdict.reason, origin: opened.origin };
      }
      if (verdict.kind === 'refuse') {
        w.audit({ action: 'ledger.witness_refused', targetType: 'peer_log', targetId: opened.origin, outcome: 'denied', details: { code: verdict.code, size: opened.size } });
        return { ok: false, code: verdict.code, detail: verdict.detail, fork: null, origin: opened.origin };
      }
      await peers.record(w.tx, { origin: opened.origin, size: opened.size, rootHash: opened.rootHash, note, seenAt: w.now });
      const line = cosign(opened.text, Math.floor(w.now.getTime() / 1000), this.cosigner);
      w.audit({ action: 'ledger.cosign', targetType: 'peer_log', targetId: opened.origin, details: { size: opened.size, grew: verdict.grew } });
      return { ok: true, origin: opened.origin, size: opened.size, rootHash: opened.rootHash.toString('base64'), cosignature: line, cosigned: note + line };
    });
  }

  /**
   * Stores a peer's cosignature on one of our checkpoints (a cosigned note it sent back) after
   * checking it is a checkpoint we issued and the cosignature verifies with the key given.
   */
  async acceptCosignature(ctx: RequestContext, req: { verifierKey: string; cosigned: string }): Promise<CosignatureResult> {
    let witness: NoteVerifier;
    try {
      witness = parseVerifierKey(req.verifierKey);
    } catch (err) {
      return { ok: false, code: 'LEDGER_KEY_INVALID', detail: (err as Error).message };
    }
    if (witness.type !== SIG_COSIGNATURE_V1) return { ok: false, code: 'LEDGER_KEY_INVALID', detail: 'a cosigner key has signature type 0x04' };
    let size: number;
    let cos: Cosignature | null;
    try {
      const note = parseNote(req.cosigned);
      const c = parseCheckpointText(note.text);
      if (c.origin !== this.checkpoints.origin) throw new Error(`the checkpoint is for ${c.origin}, not this log`);
      const ours = await this.checkpoints.bySize(c.size);
      if (!ours || !ours.note.startsWith(note.text + '\n')) throw new Error(`this log issued no such checkpoint of size ${c.size}`);
      cos = verifyCosignature(note, witness);
      if (!cos) throw new Error(`no valid cosignature by ${witness.name}`);
      size = c.size;
    } catch (err) {
      return { ok: false, code: 'LEDGER_COSIGNATURE_INVALID', detail: (err as Error).message };
    }
    const stored = { size, cosigner: cos.name, keyId: cos.keyId.toString('hex'), signedAt: cos.timestamp, line: cos.line };
    await this.uow.run(ctx, async (w) => {
      await cosignatures.insert(w.tx, stored, w.now);
      w.audit({ action: 'ledger.cosignature_received', targetType: 'checkpoint', targetId: String(size), details: { cosigner: cos.name, signedAt: cos.timestamp } });
    });
    return { ok: true, size, cosigner: cos.name, signedAt: cos.timestamp };
  }

  /**
   * What to send a peer's witness: our latest checkpoint and the consistency proof from the size
   * that witness last cosigned (its verifier key given), empty the first time.
   */
  async requestFor(witnessVerifierKey: string): Promise<{ checkpoint: string; proof: string[]; fromSize: number | null }> {
    const witness = parseVerifierKey(witnessVerifierKey);
    const latest = await this.checkpoints.latest();
    const from = await cosignatures.lastSize(this.db, witness.name, witness.keyId.toString('hex'));
    const proof = from && from < latest.size ? (await this.log.consistencyProof(from, latest.size)).hashes.map((h) => h.toString('base64')) : [];
    return { checkpoint: latest.note, proof, fromSize: from };
  }

  /** Fork evidence, newest first. */
  forks(limit = 100): Promise<ForkRecord[]> {
    return forks.list(this.db, limit);
  }

  #open(req: WitnessRequest): OpenedCheckpoint | { code: LedgerErrorCode; detail: string } {
    let key: NoteVerifier;
    try {
      key = parseVerifierKey(req.verifierKey);
    } catch (err) {
      return { code: 'LEDGER_KEY_INVALID', detail: (err as Error).message };
    }
    if (key.type !== SIG_ED25519) return { code: 'LEDGER_KEY_INVALID', detail: 'a log key has signature type 0x01' };
    try {
      return openCheckpoint(req.checkpoint, key);
    } catch (err) {
      return { code: 'LEDGER_CHECKPOINT_INVALID', detail: (err as Error).message };
    }
  }
}

function decodeProof(proof: readonly string[]): Buffer[] | null {
  if (!Array.isArray(proof) || proof.length > 128) return null;
  const out = proof.map((p) => (typeof p === 'string' ? Buffer.from(p, 'base64') : Buffer.alloc(0)));
  return out.every((h, i) => h.length === 32 && h.toString('base64') === proof[i]) ? out : null;
}
