import { StableHeap } from './heap.ts';
import { proceed, type Continuation, type Simulation } from './simulation.ts';

/** Occupancy figures of a resource over a run. */
export interface ResourceStats {
  /** Busy unit-minutes divided by available unit-minutes (0 when never available). */
  utilisation: number;
  /** Longest waiting line seen. */
  maxQueue: number;
  /** Time-averaged waiting line. */
  meanQueue: number;
  /** Most units in use at once. */
  maxInUse: number;
  /** Requests granted. */
  granted: number;
}

/**
 * A pool of identical units (lanes, scanners, officers, yard places). Requests are granted in
 * order of priority (lower number first), then first come, first served. There is no
 * preemption: lowering the capacity (a shift ends, a scanner fails) lets the units in use finish
 * their job, and no new job starts until fewer units are busy than the new capacity.
 */
export class Resource {
  readonly name: string;
  readonly #sim: Simulation;
  #capacity: number;
  #inUse = 0;
  readonly #waiting = new StableHeap<Continuation>();
  #lastChange = 0;
  #busyArea = 0;
  #capacityArea = 0;
  #queueArea = 0;
  #maxQueue = 0;
  #maxInUse = 0;
  #granted = 0;

  /** A resource of `capacity` units belonging to `sim`. */
  constructor(sim: Simulation, name: string, capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`${name}: capacity must be an integer ≥ 0`);
    this.#sim = sim;
    this.name = name;
    this.#capacity = capacity;
    this.#lastChange = sim.now;
  }

  /** Units currently available (in use or free). */
  get capacity(): number {
    return this.#capacity;
  }

  /** Units currently in use. */
  get inUse(): number {
    return this.#inUse;
  }

  /** Requests currently waiting. */
  get queueLength(): number {
    return this.#waiting.size;
  }

  /**
   * Asks for one unit; `onGrant` runs as soon as one is free for this request — immediately, in
   * this call, when a unit is free and nobody waits. The holder must call `release()` once.
   */
  request(priority: number, onGrant: Continuation): void {
    if (this.#inUse < this.#capacity && this.#waiting.size === 0) {
      this.#account();
      this.#take();
      proceed(onGrant);
      return;
    }
    this.#account();
    this.#waiting.push(priority, onGrant);
    if (this.#waiting.size > this.#maxQueue) this.#maxQueue = this.#waiting.size;
  }

  /** Gives one unit back and grants it to the first waiting request, if the capacity allows. */
  release(): void {
    if (this.#inUse === 0) throw new Error(`${this.name}: release without a unit in use`);
    this.#account();
    this.#inUse--;
    this.#dispatch();
  }

  /** Changes the number of units (shift change, failure, repair); never interrupts a unit in use. */
  setCapacity(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`${this.name}: capacity must be an integer ≥ 0`);
    this.#account();
    this.#capacity = capacity;
    this.#dispatch();
  }

  /** Occupancy figures up to the current simulated time. */
  stats(): ResourceStats {
    this.#account();
    const span = this.#sim.now;
    return {
      utilisation: this.#capacityArea > 0 ? this.#busyArea / this.#capacityArea : 0,
      maxQueue: this.#maxQueue,
      meanQueue: span > 0 ? this.#queueArea / span : 0,
      maxInUse: this.#maxInUse,
      granted: this.#granted,
    };
  }

  #dispatch(): void {
    while (this.#inUse < this.#capacity && this.#waiting.size > 0) {
      const next = this.#waiting.pop()!;
      this.#take();
      proceed(next);
    }
  }

  #take(): void {
    this.#inUse++;
    this.#granted++;
    if (this.#inUse > this.#maxInUse) this.#maxInUse = this.#inUse;
  }

  #account(): void {
    const now = this.#sim.now;
    const dt = now - this.#lastChange;
    if (dt > 0) {
      this.#busyArea += this.#inUse * dt;
      this.#capacityArea += Math.max(this.#capacity, this.#inUse) * dt;
      this.#queueArea += this.#waiting.size * dt;
      this.#lastChange = now;
    }
  }
}
