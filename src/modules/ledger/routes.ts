import { Type } from 'typebox';
import type { Role } from '../../infra/auth/index.ts';
import { requireRole, type HttpApp } from '../../infra/http/index.ts';
import type { Checkpointer } from './checkpoint-service.ts';
import { withLeafHash, type LedgerLog } from './log-service.ts';
import { ConsistencyQuery, ConsistencyView, EntriesQuery, EntryListView, EntryView, ForkView, IndexParams, InclusionQuery, InclusionView } from './schema.ts';
import type { ForkRecord } from './store/witness.ts';
import type { WitnessService } from './witness-service.ts';

/**
 * Who reads entries and proofs: auditors and supervisors (they check decisions), the partner
 * customs' system (it witnesses our log) and admins. An entry holds no personal data, but which
 * declaration had which decision when is still business information, so it needs a sign-in.
 */
export const LEDGER_READERS: readonly Role[] = ['auditor', 'customs_supervisor', 'partner_system', 'admin'];
/** Who sees fork evidence: the above, except partners, plus the operations centre that raises the alert. */
export const FORK_READERS: readonly Role[] = ['auditor', 'customs_supervisor', 'admin', 'ioc_operator'];

const TEXT = 'text/plain; charset=utf-8';
const tags = ['ledger'];

/** What the routes call. */
export interface LedgerRouteServices {
  log: LedgerLog;
  checkpoints: Checkpointer;
  witness: WitnessService;
  /** The log's C2SP verifier key. */
  verifierKey: string;
}

/** Entries, proofs, the checkpoint and keys under /api/ledger. */
export function ledgerRoutes(s: LedgerRouteServices) {
  const readers = requireRole(...LEDGER_READERS);
  return async (app: HttpApp) => {
    keyRoutes(app, s, readers);
    app.get('/entries', {
      schema: { tags, summary: 'The latest entries (newest first), or the entries about one record (log order)', querystring: EntriesQuery, response: { 200: EntryListView } },
      preHandler: readers,
    }, async (req) => {
      const treeSize = (await s.log.head()).size;
      const { subject, limit } = req.query;
      const items = subject
        ? (await s.log.entriesAbout(subject, limit ?? 100)).map(withLeafHash)
        : await s.log.latest(limit ?? 20);
      return { treeSize, items: items.map((e) => ({ ...e, leafHash: e.leafHash.toString('base64') })) };
    });
    app.get('/entries/:index', { schema: { tags, summary: 'One log entry and its leaf hash', params: IndexParams, response: { 200: EntryView } }, preHandler: readers }, async (req) => {
      const e = await s.log.entry(req.params.index);
      return { ...e, leafHash: e.leafHash.toString('base64') };
    });
    app.get('/proofs/inclusion', {
      schema: { tags, summary: 'Audit path of entry `index` in the tree of `size` entries (RFC 9162 §2.1.3)', querystring: InclusionQuery, response: { 200: InclusionView } },
      preHandler: readers,
    }, async (req) => {
      const p = await s.log.inclusionProof(req.query.index, req.query.size);
      return { index: p.index, treeSize: p.treeSize, leafHash: p.leafHash.toString('base64'), hashes: p.hashes.map((h) => h.toString('base64')) };
    });
    app.get('/proofs/consistency', {
      schema: { tags, summary: 'Consistency proof between tree sizes `from` and `to` (RFC 9162 §2.1.4)', querystring: ConsistencyQuery, response: { 200: ConsistencyView } },
      preHandler: readers,
    }, async (req) => {
      const p = await s.log.consistencyProof(req.query.from, req.query.to);
      return { from: p.from, to: p.to, hashes: p.hashes.map((h) => h.toString('base64')) };
    });
    app.get('/forks', {
      schema: { tags, summary: 'Forks the witness found in partner logs, newest first', response: { 200: Type.Object({ items: Type.Array(ForkView) }) } },
      preHandler: requireRole(...FORK_READERS),
    }, async () => ({ items: (await s.witness.forks()).map(presentFork) }));
  };
}

/**
 * The checkpoint and the keys, also without sign-in under /api/public/ledger: they carry only a
 * size and a hash, and a transparency log is only useful if anyone can fetch its checkpoint and
 * key to check a proof or compare views (split-view detection needs many eyes).
 */
export function publicLedgerRoutes(s: LedgerRouteServices) {
  return async (app: HttpApp) => keyRoutes(app, s, undefined);
}

function keyRoutes(app: HttpApp, s: LedgerRouteServices, guard: ReturnType<typeof requireRole> | undefined): void {
  const ptags = guard ? tags : ['public'];
  app.get('/checkpoint', {
    schema: { tags: ptags, summary: 'The latest signed checkpoint (C2SP tlog-checkpoint), with the cosignatures it collected' },
    ...(guard ? { preHandler: guard } : {}),
  }, async (_req, reply) => reply.type(TEXT).header('cache-control', 'no-store').send((await s.checkpoints.latestCosigned()).note));
  app.get('/verifier-key', {
    schema: { tags: ptags, summary: 'The C2SP note verifier key of the log (name+keyid+base64(0x01 ‖ Ed25519 key))' },
    ...(guard ? { preHandler: guard } : {}),
  }, async (_req, reply) => reply.type(TEXT).send(s.verifierKey + '\n'));
  app.get('/witness-key', {
    schema: { tags: ptags, summary: 'The verifier key of this site as a witness (type 0x04, C2SP tlog-cosignature)' },
    ...(guard ? { preHandler: guard } : {}),
  }, async (_req, reply) => reply.type(TEXT).send(s.witness.verifierKey + '\n'));
}

function presentFork(f: ForkRecord) {
  return { ...f, detectedAt: f.detectedAt.toISOString() };
}
