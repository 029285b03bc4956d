import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { barrierCommands } from './store/barriers.ts';

/**
 * Watches barrier commands: an `open` the barrier has not confirmed (a `barrier-state` read with
 * the command id) by its deadline raises `gate.barrier_unconfirmed`, which the IOC turns into an
 * alert. The pending commands live in the database, so a restart loses none; `check` runs on a
 * timer but reads the time from the injected clock, so tests and the twin drive it directly.
 */
export class BarrierWatch {
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Raises one alert per overdue, unconfirmed command; returns the command ids alerted. */
  async check(ctx: RequestContext): Promise<string[]> {
    // Most checks find nothing: answer without a transaction (and without an audit record).
    if (!(await barrierCommands.anyOverdue(this.db, this.clock.now()))) return [];
    return this.uow.run(ctx, async (w) => {
      const overdue = await barrierCommands.overdue(w.tx, this.clock.now(), 200);
      for (const c of overdue) {
        w.emit({
          type: 'gate.barrier_unconfirmed', subject: c.deviceId,
          data: { commandId: c.commandId, deviceId: c.deviceId, action: c.action, journeyId: c.journeyId, readId: c.readId, issuedAt: c.issuedAt.toISOString(), deadlineAt: c.deadlineAt.toISOString() },
        });
      }
      await barrierCommands.markAlerted(w.tx, overdue.map((c) => c.commandId), w.now);
      w.audit({ action: 'gate.barrier_check', targetType: 'device', targetId: 'barriers', outcome: overdue.length ? 'denied' : 'success', details: { unconfirmed: overdue.map((c) => c.commandId) } });
      return overdue.map((c) => c.commandId);
    });
  }

  /** Checks every `everyMs` (wall time) until `stop`. */
  start(ctx: RequestContext, everyMs: number): void {
    if (this.#timer) return;
    const tick = () => {
      void this.check(ctx).catch((err: unknown) => this.log.error({ err }, 'barrier confirmation check failed')).finally(() => {
        if (this.#timer) this.#timer = setTimeout(tick, everyMs);
      });
    };
    this.#timer = setTimeout(tick, everyMs);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
