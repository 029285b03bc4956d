import { generateKeyPairSync } from 'node:crypto';
import { signCheckpoint } from '../../src/modules/ledger/checkpoint.ts';
import { appendLeaf, frontierRoot } from '../../src/modules/ledger/frontier.ts';
import { consistencyPlan, resolvePlan, type NodeId } from '../../src/modules/ledger/merkle.ts';
import { formatVerifierKey, noteSigner, rawPublicKey, sha256Tree, SIG_COSIGNATURE_V1 } from '../../src/modules/ledger/index.ts';

/**
 * A partner site in memory: its log key and log (the same tree code the store runs), and its
 * witness key — what the exchange would put on the other end of the wire.
 */
export function peerSite(siteId: string, logKey = generateKeyPairSync('ed25519').privateKey) {
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const signer = noteSigner(`borderflow.example/${siteId}`, logKey);
  const witness = noteSigner(`borderflow.example/${siteId}/witness`, witnessKey, SIG_COSIGNATURE_V1);
  const nodes = new Map<string, Uint8Array>();
  let frontier: Uint8Array[] = [];
  let size = 0;
  const lookup = (id: NodeId) => nodes.get(`${id.level}/${id.index}`)!;
  return {
    logKey,
    witness,
    verifierKey: formatVerifierKey({ ...signer, raw: rawPublicKey(logKey) }),
    witnessKey: formatVerifierKey({ ...witness, raw: rawPublicKey(witnessKey) }),
    get size() {
      return size;
    },
    append(...entries: string[]) {
      for (const e of entries) {
        const added = appendLeaf(sha256Tree, frontier, size, sha256Tree.leaf(Buffer.from(e)));
        for (const n of added.nodes) nodes.set(`${n.level}/${n.index}`, n.hash);
        frontier = added.frontier;
        size++;
      }
    },
    checkpoint: () => signCheckpoint({ origin: signer.name, size, rootHash: Buffer.from(frontierRoot(sha256Tree, frontier)) }, signer),
    /** Base64 consistency proof from an older size to now. */
    proof: (from: number) => (from === 0 || from === size ? [] : resolvePlan(sha256Tree, consistencyPlan(from, size), lookup).map((h) => Buffer.from(h).toString('base64'))),
  };
}
