/**
 * The plate index of the active journeys kept in memory, so a read is matched without a database
 * round trip. It is a cache, never the authority: it is reloaded from the database when older
 * than `maxAgeMs` (other processes' and services' changes show within that time), updated at
 * once by this process's reads and bookings, and whatever it answers is checked — a match on the
 * locked journey row, a referral against the database — before anything is decided.
 */
import { DEFAULT_MATCH_POLICY, matchPlate, type PlateMatch } from './matcher.ts';
import type { JourneyState } from './model.ts';
import { deletionKeys, indexIsExact } from './plate-index.ts';

/** What the index keeps of a journey. */
export interface IndexedJourney {
  id: string;
  plate: string;
  state: JourneyState;
  gate: string;
}

const ACTIVE: ReadonlySet<JourneyState> = new Set(['expected', 'arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked']);

/** The in-memory plate index of the active journeys. */
export class LivePlateIndex {
  readonly #entries = new Map<string, IndexedJourney>();
  readonly #byKey = new Map<string, Set<string>>();
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;

  /**
   * @param load every active journey, from the database
   * @param maxAgeMs how stale the index may get before the next read reloads it
   * @param monotonicMs a monotonic clock for the cache's age (not domain time)
   */
  constructor(
    private readonly load: () => Promise<IndexedJourney[]>,
    private readonly maxAgeMs: number,
    private readonly monotonicMs: () => number,
  ) {}

  /**
   * Reloads the index when it is older than `maxAgeMs` (one query for all concurrent callers).
   * Only the first load is waited for; later reloads run behind the reads, which go on with the
   * index they have (every match is confirmed on the row anyway).
   */
  async refreshIfStale(): Promise<void> {
    if (this.monotonicMs() - this.#loadedAt < this.maxAgeMs) return;
    const first = this.#loadedAt === Number.NEGATIVE_INFINITY;
    this.#loading ??= (async () => {
      const started = this.monotonicMs();
      const rows = await this.load();
      // Only new, re-plated and finished journeys touch the keys; the rest just take their state.
      const seen = new Set<string>();
      for (const j of rows) {
        seen.add(j.id);
        this.upsert(j);
      }
      for (const j of [...this.#entries.values()]) if (!seen.has(j.id)) this.#remove(j);
      this.#loadedAt = started;
    })().finally(() => {
      this.#loading = null;
    });
    if (first) await this.#loading;
    else this.#loading.catch(() => undefined);
  }


  /** Records a journey's current plate and state (a finished journey leaves the index). */
  upsert(j: IndexedJourney): void {
    const old = this.#entries.get(j.id);
    if (old && old.plate !== j.plate) this.#remove(old);
    if (!ACTIVE.has(j.state)) {
      if (old) this.#remove(old);
      return;
    }
    this.#entries.set(j.id, { id: j.id, plate: j.plate, state: j.state, gate: j.gate });
    if (!old || old.plate !== j.plate) {
      for (const k of deletionKeys(j.plate)) {
        const ids = this.#byKey.get(k);
        if (ids) ids.add(j.id);
        else this.#byKey.set(k, new Set([j.id]));
      }
    }
  }

  /** The matcher over the indexed journeys in `states` at `gate` (same answer as over all of them). */
  match(read: string, confidence: number, states: readonly JourneyState[], gate: string): PlateMatch {
    const fits = (j: IndexedJourney | undefined): j is IndexedJourney => !!j && j.gate === gate && states.includes(j.state);
    const near = new Map<string, IndexedJourney>();
    for (const k of deletionKeys(read)) for (const id of this.#byKey.get(k) ?? []) {
      const j = this.#entries.get(id);
      if (fits(j)) near.set(id, j);
    }
    const m = matchPlate(read, confidence, [...near.values()]);
    const best = m.kind === 'matched' ? m.distance : m.candidates[0]?.distance;
    if (best !== undefined && best <= DEFAULT_MATCH_POLICY.maxDistance && !indexIsExact(best, DEFAULT_MATCH_POLICY)) {
      return matchPlate(read, confidence, [...this.#entries.values()].filter(fits));
    }
    return m;
  }

  #remove(j: IndexedJourney): void {
    this.#entries.delete(j.id);
    for (const k of deletionKeys(j.plate)) this.#byKey.get(k)?.delete(j.id);
  }
}
