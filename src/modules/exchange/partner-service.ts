import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { canonicalJson } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { exchangeError } from './errors.ts';
import type { PublishedKeys } from './keys.ts';
import { keyValidAt, publicKeyFromRaw, type Partner, type PartnerKey } from './model.ts';
import { partners } from './store/partners.ts';
import type { PartnerTransport } from './transport.ts';
import { verifyEd25519 } from '../../infra/crypto/index.ts';

/** Partners: configured by admins (or the config at start), read by the sender and the inbox. */
export class PartnerService {
  #cache: Map<string, Partner> | null = null;
  readonly #lastRefresh = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly transport: PartnerTransport,
  ) {}

  /** Every partner (cached; writes through this service refresh it). */
  async list(): Promise<Partner[]> {
    this.#cache ??= new Map((await partners.list(this.db)).map((p) => [p.id, p]));
    return [...this.#cache.values()];
  }

  /** One partner, or null. */
  async get(id: string): Promise<Partner | null> {
    await this.list();
    return this.#cache!.get(id) ?? null;
  }

  /** Creates or replaces a partner (audited). */
  async put(ctx: RequestContext, p: Partner): Promise<Partner> {
    for (const k of p.keys) {
      try {
        publicKeyFromRaw(k.publicKey);
      } catch {
        throw exchangeError('EXCHANGE_SCHEMA_INVALID', `key ${k.keyId} is not a raw Ed25519 public key`, [{ pointer: '/keys', code: 'INVALID_VALUE', message: 'publicKey must be 32 bytes, base64' }]);
      }
    }
    await this.uow.run(ctx, async (w) => {
      await partners.upsert(w.tx, p, w.now);
      w.audit({ action: 'exchange.partner_put', targetType: 'exchange_partner', targetId: p.id, details: { endpoint: p.endpoint, keys: p.keys.map((k) => k.keyId), sends: p.sends, receives: p.receives } });
    });
    this.#cache = null;
    return (await this.get(p.id))!;
  }

  /**
   * Fetches the partner's published key list and takes it when it is signed by a key we hold for
   * the partner and that is valid now: a rotation is learnt without trusting the network.
   */
  async refreshKeys(ctx: RequestContext, id: string): Promise<Partner> {
    const p = await this.get(id);
    if (!p) throw exchangeError('EXCHANGE_PARTNER_NOT_FOUND', `No partner ${id}`);
    this.#lastRefresh.set(id, this.clock.now().getTime());
    const reply = await this.transport.fetchKeys(p).catch((err: unknown) => ({ status: 0, body: String(err) }));
    const doc = reply.body as PublishedKeys | null;
    if (reply.status !== 200 || !doc || !Array.isArray(doc.keys) || !Array.isArray(doc.signatures) || doc.siteId !== id) {
      throw exchangeError('EXCHANGE_KEYS_UNVERIFIED', `the partner answered ${reply.status} without a key list for ${id}`);
    }
    const body = canonicalJson({ siteId: doc.siteId, keys: doc.keys });
    const now = this.clock.now();
    const trusted = doc.signatures.some((s) => {
      const k = p.keys.find((x) => x.keyId === s.keyId && keyValidAt(x, now));
      return k !== undefined && verifyEd25519(publicKeyFromRaw(k.publicKey), body, s.signature);
    });
    if (!trusted) throw exchangeError('EXCHANGE_KEYS_UNVERIFIED', 'the key list is not signed by a key we hold for this partner');
    const merged = new Map<string, PartnerKey>(p.keys.map((k) => [k.keyId, k]));
    for (const k of doc.keys) merged.set(k.keyId, { keyId: String(k.keyId), publicKey: String(k.publicKey), validFrom: String(k.validFrom), validUntil: k.validUntil ? String(k.validUntil) : null });
    const keys = [...merged.values()];
    await this.uow.run(ctx, async (w) => {
      await partners.setKeys(w.tx, id, keys, w.now);
      w.audit({ action: 'exchange.partner_keys_refreshed', targetType: 'exchange_partner', targetId: id, details: { keys: keys.map((k) => ({ keyId: k.keyId, validUntil: k.validUntil })) } });
    });
    this.#cache = null;
    return (await this.get(id))!;
  }

  /** True when a refresh of this partner's keys was not tried in the last `ms` (so an unknown key id cannot make us hammer the partner). */
  mayRefresh(id: string, ms: number): boolean {
    const last = this.#lastRefresh.get(id);
    return last === undefined || this.clock.now().getTime() - last >= ms;
  }
}
