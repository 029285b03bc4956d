import path from 'node:path';
import { loadOrCreateSigningKey } from '../../infra/crypto/index.ts';
import { ledgerOrigin, witnessName } from './model.ts';
import { noteSigner, SIG_COSIGNATURE_V1, SIG_ED25519, type NoteSigner } from './note.ts';

/**
 * The ledger's two Ed25519 key files under the data directory. The log key signs checkpoints;
 * the witness key cosigns partners' checkpoints. They are distinct on purpose: C2SP requires a
 * cosigner key not be shared, and losing one must not compromise the other role.
 */
export function ledgerKeyFiles(dataDir: string): { log: string; witness: string } {
  const dir = path.join(dataDir, 'keys');
  return { log: path.join(dir, 'ledger-log-ed25519.pem'), witness: path.join(dir, 'ledger-witness-ed25519.pem') };
}

/** The log and witness note signers of a site, created on first use. */
export function loadLedgerSigners(files: { log: string; witness: string }, siteId: string): { log: NoteSigner; witness: NoteSigner } {
  return {
    log: noteSigner(ledgerOrigin(siteId), loadOrCreateSigningKey(files.log).privateKey, SIG_ED25519),
    witness: noteSigner(witnessName(siteId), loadOrCreateSigningKey(files.witness).privateKey, SIG_COSIGNATURE_V1),
  };
}
