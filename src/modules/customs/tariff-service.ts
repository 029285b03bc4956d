import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { sha256Hex } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { TariffRates } from './duties.ts';
import { customsError } from './errors.ts';
import { tariff, type TariffVersion } from './store/tariff.ts';
import { parseHsNomenclature, parseTariff } from './tariff-csv.ts';

/** The tariff in force, held in memory for validation and estimates. */
export interface TariffSnapshot {
  version: TariffVersion | null;
  rates(line: string): TariffRates | undefined;
  knownSubheading(hs6: string): boolean;
  search(q: string, limit: number): TariffRates[];
}

/** A tariff file to load. */
export interface TariffLoad {
  csv: string;
  source: string;
  /** YYYY-MM-DD; defaults to today in Vietnam. */
  effectiveFrom?: string;
  /** The HS nomenclature CSV to check lines against (and keep for later loads). */
  hsCsv?: string;
}

// Another process (the CLI) may load a new version; this is how long we may serve the old one.
const CACHE_MS = 5_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The demo tariff shipped with the code (illustrative rates, not the official schedule). */
export const DEMO_TARIFF_FILE = path.join(import.meta.dirname, 'demo-tariff.csv');

/** Loading tariff versions and answering "what is the tariff today". */
export class TariffService {
  #cache: { at: number; snapshot: TariffSnapshot } | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Validates the whole file and loads it as a new version in one transaction, or loads nothing. */
  async load(ctx: RequestContext, input: TariffLoad): Promise<TariffVersion> {
    const effectiveFrom = input.effectiveFrom ?? vietnamDay(this.clock.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
      throw platformError('VALIDATION_FAILED', 'The effective date is not valid', [{ pointer: '/effectiveFrom', code: 'DATE_INVALID', message: 'must be a date YYYY-MM-DD' }]);
    }
    const hs = input.hsCsv !== undefined ? parseHsNomenclature(input.hsCsv) : null;
    const known = hs ? new Set(hs.keys()) : await tariff.subheadings(this.db);
    const lines = checkTariffFile(input, known);
    const version = await this.uow.run(ctx, async (w) => {
      if (hs) await tariff.replaceSubheadings(w.tx, hs);
      const v: TariffVersion = { id: this.ids.next('trf'), effectiveFrom, loadedAt: w.now, source: input.source, sha256: sha256Hex(input.csv), lineCount: lines.length };
      await tariff.insertVersion(w.tx, v, lines);
      const data = { effectiveFrom, lines: v.lineCount, source: v.source, sha256: v.sha256, hsSubheadingsChecked: known.size };
      w.emit({ type: 'tariff.loaded', subject: v.id, data });
      w.audit({ action: 'tariff.load', targetType: 'tariff_version', targetId: v.id, details: data });
      return v;
    });
    this.#cache = null;
    return version;
  }

  /** Loads the shipped demo tariff when no tariff has ever been loaded; true when it did. */
  async seedDemo(ctx: RequestContext): Promise<boolean> {
    if ((await tariff.versions(this.db)).length > 0) return false;
    await this.load(ctx, { csv: readFileSync(DEMO_TARIFF_FILE, 'utf8'), source: 'demo-tariff.csv', effectiveFrom: '2022-01-01' });
    return true;
  }

  /** Every loaded version, newest first. */
  versions(): Promise<TariffVersion[]> {
    return tariff.versions(this.db);
  }

  /** The tariff in force now (cached for a few seconds). */
  async current(): Promise<TariffSnapshot> {
    const now = this.clock.now().getTime();
    if (this.#cache && now - this.#cache.at < CACHE_MS && now >= this.#cache.at) return this.#cache.snapshot;
    const version = await tariff.effective(this.db, vietnamDay(this.clock.now()));
    const snapshot = this.#cache?.snapshot.version?.id === version?.id && version ? this.#cache!.snapshot : await this.#snapshot(version);
    this.#cache = { at: now, snapshot };
    return snapshot;
  }

  async #snapshot(version: TariffVersion | null): Promise<TariffSnapshot> {
    const lines = version ? await tariff.lines(this.db, version.id) : [];
    const byLine = new Map(lines.map((l) => [l.line, l]));
    const known = await tariff.subheadings(this.db);
    for (const l of lines) known.add(l.line.slice(0, 6));
    return {
      version,
      rates: (line) => byLine.get(line),
      knownSubheading: (hs6) => known.has(hs6),
      search(q, limit) {
        const needle = q.trim().toLowerCase().replace(/\./g, '');
        const hits = needle === '' ? lines : lines.filter((l) => l.line.startsWith(needle) || l.description.toLowerCase().includes(needle));
        return hits.slice(0, limit);
      },
    };
  }
}

/**
 * Checks a whole tariff file (against the HS subheadings when any are known) and returns its
 * lines, or throws CUSTOMS_TARIFF_INVALID listing every bad row by line number.
 */
export function checkTariffFile(input: Pick<TariffLoad, 'csv' | 'source'>, known: ReadonlySet<string>): TariffRates[] {
  const parsed = parseTariff(input.csv, known.size > 0 ? known : undefined);
  if (!parsed.ok) throw customsError('CUSTOMS_TARIFF_INVALID', `${parsed.problems.length} problem(s) in ${input.source}; nothing was loaded`, parsed.problems);
  return parsed.lines;
}

/** The calendar day in Vietnam (UTC+7, no daylight saving): the day a tariff takes effect. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
