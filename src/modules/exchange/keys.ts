import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { canonicalJson, loadOrCreateSigningKey, signEd25519 } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { keyIdOf, keyValidAt, type PartnerKey } from './model.ts';
import { partners, type OwnKeyRow } from './store/partners.ts';

/** One of our signing keys. */
export interface OwnKey extends PartnerKey {
  privateKey: KeyObject;
}

/** Our key list as published at `GET /api/exchange/keys`: signed by every key still valid, so a partner holding any of them can trust the rest. */
export interface PublishedKeys {
  siteId: string;
  keys: PartnerKey[];
  signatures: Array<{ keyId: string; signature: string }>;
}

/**
 * Our Ed25519 key ring. The first key comes from the configured file or is generated under
 * DATA_DIR/keys; a rotation adds a new key that signs from then on, and retires the others at
 * the end of the overlap, until when they still verify at the partner.
 */
export class KeyRing {
  #keys: OwnKey[] = [];

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly siteId: string,
    private readonly keyDir: string,
    private readonly keyFile: string,
  ) {}

  /** Loads the ring, creating the first key when there is none. */
  async load(): Promise<void> {
    let rows = await partners.ownKeys(this.db);
    if (rows.length === 0) {
      const k = loadOrCreateSigningKey(this.keyFile);
      const row: OwnKeyRow = { key_id: keyIdOf(k.publicKeyBase64), public_key: k.publicKeyBase64, key_file: this.keyFile, valid_from: this.clock.now(), valid_until: null };
      await this.db.transaction().execute((tx) => partners.insertOwnKey(tx, row));
      rows = await partners.ownKeys(this.db);
    }
    this.#keys = rows.map((r) => {
      const k = loadOrCreateSigningKey(r.key_file);
      return { keyId: r.key_id, publicKey: r.public_key, privateKey: k.privateKey, validFrom: new Date(r.valid_from).toISOString(), validUntil: r.valid_until ? new Date(r.valid_until).toISOString() : null };
    });
  }

  /** The key that signs now: the newest one that has started. */
  current(): OwnKey {
    const now = this.clock.now();
    const k = [...this.#keys].reverse().find((x) => keyValidAt(x, now));
    if (!k) throw new Error('the exchange key ring has no valid key; rotate to create one');
    return k;
  }

  /** Every key, newest last, without private halves. */
  list(): PartnerKey[] {
    return this.#keys.map(({ keyId, publicKey, validFrom, validUntil }) => ({ keyId, publicKey, validFrom, validUntil }));
  }

  /** The keys still valid, each signing the list. */
  published(): PublishedKeys {
    const now = this.clock.now();
    const keys = this.list().filter((k) => keyValidAt(k, now));
    const body = { siteId: this.siteId, keys };
    const signatures = this.#keys.filter((k) => keyValidAt(k, now)).map((k) => ({ keyId: k.keyId, signature: signEd25519(k.privateKey, canonicalJson(body)) }));
    return { ...body, signatures };
  }

  /** Adds a new key that signs from now; the others verify for `overlapSeconds` more. */
  async rotate(ctx: RequestContext, overlapSeconds: number): Promise<PartnerKey> {
    const privateKey = generateKeyPairSync('ed25519').privateKey;
    const raw = Buffer.from(privateKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    const keyId = keyIdOf(raw);
    const file = path.join(this.keyDir, `exchange-ed25519-${keyId}.pem`);
    mkdirSync(this.keyDir, { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await this.uow.run(ctx, async (w) => {
      const until = new Date(w.now.getTime() + overlapSeconds * 1000);
      await partners.insertOwnKey(w.tx, { key_id: keyId, public_key: raw, key_file: file, valid_from: w.now, valid_until: null });
      await partners.retireOwnKeys(w.tx, keyId, until);
      w.emit({ type: 'exchange.key_rotated', subject: keyId, data: { keyId, publicKey: raw, previousValidUntil: until.toISOString() } });
      w.audit({ action: 'exchange.key_rotate', targetType: 'exchange_key', targetId: keyId, details: { overlapSeconds } });
    });
    await this.load();
    return this.list().find((k) => k.keyId === keyId)!;
  }
}
