import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../infra/clock/index.ts';
import { loadOrCreateSigningKey } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { AppError } from '../../infra/errors/index.ts';
import { openCheckpoint } from './checkpoint.ts';
import { ledgerKeyFiles } from './keys.ts';
import { LedgerLog } from './log-service.ts';
import { ledgerOrigin } from './model.ts';
import { sha256Tree } from './merkle.ts';
import { noteVerifier, rawPublicKey, type NoteVerifier } from './note.ts';
import { checkpoints } from './store/checkpoints.ts';
import { auditStoredLog } from './store-audit.ts';
import { verifyInclusion } from './verify.ts';

/** Where the CLI writes. */
export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

/** The usage lines of `borderflow ledger …`. */
export const LEDGER_USAGE = `ledger verify                 recompute every leaf, tree node and checkpoint root from the stored
                                records; exit 1 naming the first bad entry index
  ledger prove --index I [--size N]
                                print entry I with its inclusion proof against the latest checkpoint
                                (or tree size N), checked before it is printed`;

/** What the commands need besides the database: where the log key is and the site it logs. */
export interface LedgerCliOptions {
  dataDir: string;
  siteId: string;
}

/** Runs `borderflow ledger <sub> …`; returns the exit code. */
export async function runLedgerCommand(db: Db, sub: string | undefined, args: string[], io: CommandIo, opts: LedgerCliOptions): Promise<number> {
  if (sub === 'verify') return verify(db, io, opts);
  if (sub === 'prove') return prove(db, args, io, opts);
  io.err(`usage: borderflow ${LEDGER_USAGE}`);
  return 2;
}

function logKey(opts: LedgerCliOptions): NoteVerifier | null {
  const file = ledgerKeyFiles(opts.dataDir).log;
  if (!existsSync(file)) return null;
  return noteVerifier(ledgerOrigin(opts.siteId), rawPublicKey(loadOrCreateSigningKey(file).publicKey));
}

async function verify(db: Db, io: CommandIo, opts: LedgerCliOptions): Promise<number> {
  const key = logKey(opts);
  if (!key) {
    if (!(await checkpoints.latest(db))) {
      io.out('ledger OK: the log is empty and no checkpoint was ever signed');
      return 0;
    }
    io.err(`ledger key missing: ${ledgerKeyFiles(opts.dataDir).log}; the checkpoints cannot be checked`);
    return 1;
  }
  const r = await auditStoredLog(db, key);
  if (r.ok) {
    const latest = r.latest ? `; latest checkpoint size ${r.latest.size}, root ${r.latest.rootHash}` : '';
    io.out(`ledger OK: ${r.entries} entr${r.entries === 1 ? 'y' : 'ies'} and ${r.checkpoints} checkpoint(s) verified${latest}`);
    return 0;
  }
  io.err(`ledger BROKEN at index ${r.firstBad!.index}: ${r.firstBad!.reason} (${r.entries} entries verified before it)`);
  return 1;
}

async function prove(db: Db, args: string[], io: CommandIo, opts: LedgerCliOptions): Promise<number> {
  const { values } = parseArgs({ args, options: { index: { type: 'string' }, size: { type: 'string' } } });
  const index = Number(values.index);
  if (values.index === undefined || !/^\d+$/.test(values.index)) {
    io.err('ledger prove needs --index I (a whole number)');
    return 2;
  }
  const key = logKey(opts);
  const latest = await checkpoints.latest(db);
  if (!key || !latest) {
    io.err('no checkpoint has been signed yet: start the platform so it issues one');
    return 1;
  }
  const checkpoint = openCheckpoint(latest.note, key);
  const size = values.size === undefined ? checkpoint.size : Number(values.size);
  const log = new LedgerLog(db, systemClock);
  try {
    const entry = await log.entry(index);
    const proof = await log.inclusionProof(index, size);
    const root = size === checkpoint.size ? checkpoint.rootHash : await log.rootAt(size);
    const ok = sha256Tree.equal(proof.leafHash, entry.leafHash) && verifyInclusion(sha256Tree, index, size, proof.leafHash, proof.hashes, root);
    const { leafHash, ...fields } = entry;
    io.out(JSON.stringify({
      entry: { ...fields, leafHash: leafHash.toString('base64') },
      treeSize: size,
      rootHash: root.toString('base64'),
      inclusionProof: proof.hashes.map((h) => h.toString('base64')),
      checkpoint: size === checkpoint.size ? latest.note : null,
      verified: ok,
    }, null, 2));
    if (!ok) io.err(`the proof for entry ${index} does not verify against the root of size ${size}: run \`borderflow ledger verify\``);
    return ok ? 0 : 1;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`${err.code}: ${err.detail}`);
      return 1;
    }
    throw err;
  }
}
