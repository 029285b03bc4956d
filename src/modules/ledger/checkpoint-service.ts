import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { signCheckpoint, withSignatures } from './checkpoint.ts';
import type { LedgerLog } from './log-service.ts';
import type { NoteSigner } from './note.ts';
import { checkpoints, cosignatures, type StoredCheckpoint } from './store/checkpoints.ts';

export type { StoredCheckpoint } from './store/checkpoints.ts';

/**
 * Issues signed checkpoints (C2SP tlog-checkpoint) of the committed tree: on a timer while
 * entries arrive, and on demand (tests, the twin, shutdown). One issue runs at a time per process;
 * two processes racing for the same size produce the same note (Ed25519 is deterministic) and the
 * second insert writes nothing.
 */
export class Checkpointer {
  #latest: StoredCheckpoint | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: LedgerLog,
    private readonly signer: NoteSigner,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** The log's origin line (and key name). */
  get origin(): string {
    return this.signer.name;
  }

  /** Signs a checkpoint of the committed tree if it grew since the last one; returns the latest either way. */
  issue(): Promise<StoredCheckpoint> {
    const run = this.#chain.then(() => this.#issue());
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** The latest checkpoint; issues the first one (of the empty tree, if need be) when there is none. */
  async latest(): Promise<StoredCheckpoint> {
    return (await checkpoints.latest(this.db)) ?? this.issue();
  }

  /** The latest checkpoint with the cosignatures it collected appended as extra signature lines. */
  async latestCosigned(): Promise<StoredCheckpoint> {
    const c = await this.latest();
    const lines = (await cosignatures.forSize(this.db, c.size)).map((s) => s.line);
    return lines.length ? { ...c, note: withSignatures(c.note, lines) } : c;
  }

  /** The checkpoint of one size, if one was issued. */
  bySize(size: number): Promise<StoredCheckpoint | null> {
    return checkpoints.bySize(this.db, size);
  }

  /**
   * Thins the checkpoint history older than `before` (issued every half second while entries
   * arrive, it would otherwise grow by tens of thousands a day): the latest, every cosigned one
   * and the last of each hour stay. Any tree size can still be proven; the signed history keeps
   * one checkpoint an hour.
   */
  thin(before: Date): Promise<number> {
    return checkpoints.thin(this.db, before);
  }

  /** Starts issuing every `intervalMs` (a no-op round when nothing was appended). */
  start(): void {
    if (this.#timer) return;
    const tick = () => {
      this.issue()
        .catch((err: unknown) => this.logger.error({ err }, 'ledger checkpoint failed'))
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.#timer = setTimeout(tick, this.intervalMs);
  }

  /** Stops the timer, waits for an issue in progress, then covers whatever was appended last. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.issue().catch((err: unknown) => this.logger.error({ err }, 'final ledger checkpoint failed'));
  }

  async #issue(): Promise<StoredCheckpoint> {
    this.#latest ??= await checkpoints.latest(this.db);
    const tree = await this.log.head();
    if (this.#latest && this.#latest.size >= tree.size) return this.#latest;
    const c: StoredCheckpoint = {
      size: tree.size,
      rootHash: tree.rootHash,
      note: signCheckpoint({ origin: this.signer.name, size: tree.size, rootHash: tree.rootHash }, this.signer),
      issuedAt: this.clock.now(),
    };
    await checkpoints.insert(this.db, c);
    // Another process may have issued this size first: serve what is stored.
    this.#latest = (await checkpoints.bySize(this.db, c.size)) ?? c;
    return this.#latest;
  }
}
