import { typed, type Executor } from '../../../infra/db/index.ts';
import type { TariffRates } from '../duties.ts';
import type { Tables, TariffVersionRow } from './tables.ts';

/** A loaded tariff version. */
export interface TariffVersion {
  id: string;
  effectiveFrom: string;
  loadedAt: Date;
  source: string;
  sha256: string;
  lineCount: number;
}

const day = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`);
const toVersion = (r: TariffVersionRow): TariffVersion => ({ id: r.id, effectiveFrom: day(r.effective_from), loadedAt: new Date(r.loaded_at), source: r.source, sha256: r.sha256, lineCount: r.line_count });

/** Tariff versions, their lines, and the HS nomenclature they are checked against. */
export const tariff = {
  async insertVersion(x: Executor, v: TariffVersion, lines: TariffRates[]): Promise<void> {
    const db = typed<Tables>(x);
    await db.insertInto('customs.tariff_versions').values({ id: v.id, effective_from: v.effectiveFrom, loaded_at: v.loadedAt, source: v.source, sha256: v.sha256, line_count: v.lineCount }).execute();
    for (let i = 0; i < lines.length; i += 1000) {
      const chunk = lines.slice(i, i + 1000).map((l) => ({ version_id: v.id, line: l.line, description: l.description, import_duty_rate: l.importDutyRate, vat_rate: l.vatRate }));
      await db.insertInto('customs.tariff_lines').values(chunk).execute();
    }
  },
  /** The version in force on a day (YYYY-MM-DD): the latest effective on or before it, last loaded wins. */
  async effective(x: Executor, onDay: string): Promise<TariffVersion | null> {
    const r = await typed<Tables>(x).selectFrom('customs.tariff_versions').selectAll()
      .where('effective_from', '<=', onDay).orderBy('effective_from', 'desc').orderBy('loaded_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? toVersion(r) : null;
  },
  async versions(x: Executor): Promise<TariffVersion[]> {
    return (await typed<Tables>(x).selectFrom('customs.tariff_versions').selectAll().orderBy('effective_from', 'desc').orderBy('loaded_at', 'desc').execute()).map(toVersion);
  },
  async lines(x: Executor, versionId: string): Promise<TariffRates[]> {
    const rows = await typed<Tables>(x).selectFrom('customs.tariff_lines').selectAll().where('version_id', '=', versionId).orderBy('line').execute();
    return rows.map((r) => ({ line: r.line, description: r.description, importDutyRate: Number(r.import_duty_rate), vatRate: Number(r.vat_rate) }));
  },
  async replaceSubheadings(x: Executor, subheadings: Map<string, string>): Promise<void> {
    const db = typed<Tables>(x);
    await db.deleteFrom('customs.hs_subheadings').execute();
    const rows = [...subheadings].map(([code, description]) => ({ code, description }));
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('customs.hs_subheadings').values(rows.slice(i, i + 1000)).execute();
  },
  async subheadings(x: Executor): Promise<Set<string>> {
    return new Set((await typed<Tables>(x).selectFrom('customs.hs_subheadings').select('code').execute()).map((r) => r.code));
  },
};
