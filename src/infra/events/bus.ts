import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/index.ts';
import type { Logger } from '../log/index.ts';
import { consumersBehind, deliverBatch, latestCommitted, pruneDelivered, registerConsumers, type Consumer, type PruneResult } from './delivery.ts';

export type { Consumer, PruneResult } from './delivery.ts';

/** Tuning for the dispatcher. */
export interface EventBusOptions {
  /** How often to look for events written by other processes, in ms. */
  pollMs?: number;
  /** Most events delivered in one transaction. */
  batchSize?: number;
  /** First wait before retrying a failing consumer in the background, in ms; doubles per failure. */
  retryBaseMs?: number;
  /** Longest wait between retries of a failing consumer, in ms. */
  retryMaxMs?: number;
  /** How long `drain` may take before it gives up, in ms. */
  drainTimeoutMs?: number;
  /**
   * How long a round waits after the first commit that asked for it, in ms, so that the commits
   * of a busy moment share one round instead of each paying for a pass over every consumer.
   */
  coalesceMs?: number;
  /** Called after a batch is delivered to one consumer (for metrics and tests). */
  onDelivered?: (consumer: string, count: number) => void;
}

interface Failure {
  count: number;
  retryAt: number;
}

/**
 * Delivers committed outbox events to consumers in order (by transaction id, then position),
 * at least once, with a durable checkpoint per consumer and dedup by event id, so each consumer
 * sees each event effectively once across crashes and restarts.
 */
export class EventBus {
  readonly #consumers = new Map<string, Consumer>();
  readonly #failures = new Map<string, Failure>();
  readonly #careful = new Map<string, number>();
  readonly #options: Required<Omit<EventBusOptions, 'onDelivered'>>;
  #registered = false;
  #timer: NodeJS.Timeout | null = null;
  // Every round, background or drain, runs on this chain: one round at a time per process, so
  // a drain never mistakes our own round in progress for "nothing left".
  #chain: Promise<unknown> = Promise.resolve();
  #queued = false;
  #stopped = true;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: EventBusOptions = {},
  ) {
    this.#options = {
      pollMs: options.pollMs ?? 500,
      batchSize: options.batchSize ?? 100,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
      coalesceMs: options.coalesceMs ?? 20,
    };
  }

  /** Registers a consumer; call before `start`. */
  subscribe(consumer: Consumer): void {
    if (this.#consumers.has(consumer.name)) throw new Error(`consumer ${consumer.name} registered twice`);
    this.#consumers.set(consumer.name, consumer);
    this.#registered = false;
  }

  /** Starts delivering: now, after every `notify`, and on a poll for other processes' events. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const tick = () => {
      if (this.#stopped) return;
      this.notify();
      this.#timer = setTimeout(tick, this.#options.pollMs);
    };
    tick();
  }

  /** Asks for a delivery round soon (called after a commit that wrote events). */
  notify(): void {
    // A round already queued has not read the outbox yet, so it will see this commit too.
    if (this.#stopped || this.#queued) return;
    this.#queued = true;
    this.#exclusive(async () => {
      if (this.#options.coalesceMs > 0) await sleep(this.#options.coalesceMs);
      this.#queued = false;
      if (!this.#stopped) await this.#round(false);
    }).catch((err: unknown) => this.log.error({ err }, 'event delivery round failed'));
  }

  /**
   * Resolves once every consumer has processed every event committed before the call. Waits for
   * a delivery in progress elsewhere and for older transactions still open; retries failing
   * consumers without backoff. Rejects after `drainTimeoutMs`, naming the consumers still behind.
   */
  async drain(): Promise<void> {
    await this.#register();
    const target = await latestCommitted(this.db);
    if (!target) return;
    const names = [...this.#consumers.keys()];
    const deadline = performance.now() + this.#options.drainTimeoutMs;
    for (;;) {
      const delivered = await this.#exclusive(() => this.#round(true));
      const behind = await consumersBehind(this.db, names, target);
      if (behind.length === 0) return;
      if (performance.now() > deadline) throw new Error(`event drain timed out; still behind: ${behind.join(', ')}`);
      // Nothing movable yet: an older transaction is still open, or a consumer keeps failing.
      if (!delivered) await sleep(Math.min(50, this.#options.pollMs));
    }
  }

  /**
   * Prunes outbox rows every consumer of this bus has passed, and processed-event marks, older
   * than `before` (docs/events.md: kept as long as the JetStream stream's max age, 7 days).
   */
  async prune(before: Date): Promise<PruneResult> {
    await this.#register();
    return this.#exclusive(() => pruneDelivered(this.db, [...this.#consumers.keys()], before));
  }

  /** Stops polling and waits for the round in progress; with `flush`, drains first. */
  async stop(flush = false): Promise<void> {
    if (flush) await this.drain().catch((err: unknown) => this.log.error({ err }, 'event drain on stop failed'));
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#chain;
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #register(): Promise<void> {
    if (this.#registered) return;
    await registerConsumers(this.db, [...this.#consumers.keys()]);
    this.#registered = true;
  }

  /** One round over all consumers; true when any event was delivered. */
  async #round(draining: boolean): Promise<boolean> {
    await this.#register();
    let any = false;
    for (const consumer of this.#consumers.values()) {
      const failure = this.#failures.get(consumer.name);
      if (!draining && failure && performance.now() < failure.retryAt) continue;
      let limit = this.#options.batchSize;
      try {
        for (;;) {
          // After a failure, one event at a time through the batch that failed: the events
          // before the failing one get through, and the failing one is retried alone.
          const careful = this.#careful.get(consumer.name) ?? 0;
          limit = careful > 0 ? 1 : this.#options.batchSize;
          const n = await deliverBatch(this.db, consumer, limit, draining);
          if (n === 'busy' || n === 0) break;
          any = true;
          this.#failures.delete(consumer.name);
          if (careful > n) this.#careful.set(consumer.name, careful - n);
          else this.#careful.delete(consumer.name);
          this.options.onDelivered?.(consumer.name, n);
        }
      } catch (err) {
        this.#careful.set(consumer.name, limit);
        this.#fail(consumer.name, err);
      }
    }
    return any;
  }

  #fail(name: string, err: unknown): void {
    const count = (this.#failures.get(name)?.count ?? 0) + 1;
    const waitMs = Math.min(this.#options.retryMaxMs, this.#options.retryBaseMs * 2 ** Math.min(count - 1, 16));
    this.#failures.set(name, { count, retryAt: performance.now() + waitMs });
    // The consumer stays at its checkpoint: nothing after the failing event is delivered to it.
    this.log.error({ err, consumer: name, failures: count, retryInMs: waitMs }, 'event consumer failed; will retry');
  }
}
