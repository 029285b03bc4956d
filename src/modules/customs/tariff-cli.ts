import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemContext } from '../../infra/auth/index.ts';
import { systemClock, type Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { UnitOfWork } from '../../infra/events/index.ts';
import { createIdGenerator } from '../../infra/ids/index.ts';
import { checkTariffFile, TariffService } from './tariff-service.ts';
import { parseHsNomenclature } from './tariff-csv.ts';

/** Where the CLI writes. */
export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

/** The usage line of `borderflow tariff load`. */
export const TARIFF_LOAD_USAGE = `tariff load FILE [--effective YYYY-MM-DD] [--hs HS_CSV]
                                load a tariff CSV (tariff_line,description,import_duty_rate,vat_rate) as a new
                                version; every bad row is reported by line and nothing is loaded. --hs checks
                                each line's 6-digit prefix against the HS nomenclature (and keeps it for later loads)`;

/**
 * `borderflow tariff load FILE`: checks the arguments, then opens the database through `withDb`,
 * loads the version in one transaction and prints what was loaded. Events it writes reach
 * consumers when the platform next polls the outbox. Validation problems are thrown as the
 * catalogued error for the CLI to print.
 */
export async function runTariffLoad(
  args: string[],
  io: CommandIo,
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  clock: Clock = systemClock,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { effective: { type: 'string' }, hs: { type: 'string' } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(`usage: borderflow ${TARIFF_LOAD_USAGE}`);
    return 2;
  }
  for (const f of [file, values.hs].filter((x): x is string => x !== undefined)) {
    if (!existsSync(f)) {
      io.err(`no such file: ${f}`);
      return 2;
    }
  }
  const input = {
    csv: readFileSync(file, 'utf8'),
    source: path.basename(file),
    effectiveFrom: values.effective,
    hsCsv: values.hs ? readFileSync(values.hs, 'utf8') : undefined,
  };
  // With the HS list given, a bad file is refused before the database is even opened.
  if (input.hsCsv !== undefined) checkTariffFile(input, new Set(parseHsNomenclature(input.hsCsv).keys()));
  const version = await withDb((db) => {
    const ids = createIdGenerator(clock);
    return new TariffService(db, new UnitOfWork(db, null, clock, ids), clock, ids).load(systemContext(), input);
  });
  io.out(`loaded tariff version ${version.id}: ${version.lineCount} line(s) from ${version.source}, effective from ${version.effectiveFrom}`);
  return 0;
}
