import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { canonicalJson, sha256Hex } from '../crypto/index.ts';
import { platformError } from '../errors/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

// A key left pending this long belongs to a request that died mid-way; a retry may take it over.
const STALE_PENDING_MS = 60_000;

interface StoredResponse {
  method: string;
  path: string;
  body_hash: string;
  status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  created_at: Date;
}

/**
 * `Idempotency-Key` on POST: the same key and body replays the stored response; the same key
 * with a different body is refused (422); a key still in flight answers 409.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST') return;
    const key = req.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw platformError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const principal = req.actor?.id ?? `anonymous:${req.ip}`;
    const path = req.routeOptions.url ?? req.url;
    // Raw uploads are hashed as bytes; JSON bodies in canonical form, so key order does not matter.
    const body = Buffer.isBuffer(req.body) ? sha256Hex(req.body) : canonicalJson(req.body ?? null);
    const bodyHash = sha256Hex(`${req.url}\n${body}`);
    const inserted = await sql`insert into platform.idempotency_keys (principal, key, method, path, body_hash)
      values (${principal}, ${key}, ${req.method}, ${path}, ${bodyHash}) on conflict do nothing returning key`.execute(db);
    if (inserted.rows.length === 1) {
      req.idempotency = { principal, key };
      return;
    }
    const found = await sql<StoredResponse>`select * from platform.idempotency_keys where principal = ${principal} and key = ${key}`.execute(db);
    const stored = found.rows[0];
    if (!stored) throw platformError('IDEMPOTENCY_KEY_IN_PROGRESS', 'The request with this key was just released; retry');
    if (stored.body_hash !== bodyHash || stored.path !== path) {
      throw platformError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    if (stored.status === null) {
      if (Date.now() - new Date(stored.created_at).getTime() < STALE_PENDING_MS) {
        throw platformError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
      }
      await sql`update platform.idempotency_keys set created_at = now() where principal = ${principal} and key = ${key}`.execute(db);
      req.idempotency = { principal, key };
      return;
    }
    return replay(reply, stored);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500 || (typeof payload !== 'string' && payload !== null && payload !== undefined)) {
      // A failure the caller may retry, or a streamed body we cannot store: free the key.
      await sql`delete from platform.idempotency_keys where principal = ${idem.principal} and key = ${idem.key}`.execute(db);
      return payload;
    }
    const headers: Record<string, string> = {};
    const contentType = reply.getHeader('content-type');
    if (typeof contentType === 'string') headers['content-type'] = contentType;
    await sql`update platform.idempotency_keys set status = ${reply.statusCode}, response_headers = ${JSON.stringify(headers)},
      response_body = ${payload ?? ''} where principal = ${idem.principal} and key = ${idem.key}`.execute(db);
    return payload;
  });
}

function replay(reply: FastifyReply, stored: StoredResponse): FastifyReply {
  reply.status(stored.status ?? 200).header('idempotent-replayed', 'true');
  for (const [name, value] of Object.entries(stored.response_headers ?? {})) reply.header(name, value);
  return reply.send(stored.response_body ?? '');
}

/** Removes idempotency keys older than `maxAgeHours`; returns how many. */
export async function pruneIdempotencyKeys(db: Db, maxAgeHours = 24): Promise<number> {
  const r = await sql`delete from platform.idempotency_keys where created_at < now() - make_interval(hours => ${maxAgeHours})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export type { FastifyRequest };
