import type { Clock } from '../../infra/clock/index.ts';

/**
 * The simulation's virtual time seen as an infra `Clock`: `now()` is the run's epoch plus the
 * simulated minutes elapsed. Handing this to real code lets it run a day in seconds.
 */
export class VirtualClock implements Clock {
  readonly #epochMs: number;
  readonly #minutes: () => number;

  /** `minutes` reads the simulation's current time in minutes since `epoch`. */
  constructor(epoch: Date | string, minutes: () => number) {
    this.#epochMs = new Date(epoch).getTime();
    this.#minutes = minutes;
  }

  /** The current simulated instant. */
  now(): Date {
    return new Date(this.#epochMs + Math.round(this.#minutes() * 60_000));
  }
}
