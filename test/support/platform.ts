import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/infra/config/index.ts';
import { openDatabase } from '../../src/infra/db/index.ts';
import { createLogger } from '../../src/infra/log/index.ts';
import { buildPlatform, type Platform, type PlatformOptions } from '../../src/platform.ts';
import { createScratchDatabase } from './db.ts';
import { services } from './services.ts';

/** A platform running for a test, with its base URL. */
export interface RunningPlatform {
  url: string;
  platform: Platform;
  close(): Promise<void>;
}

/**
 * Builds the real platform for a test on a free localhost port: PGlite in memory by default, or
 * a scratch PostgreSQL database with `{ database: 'postgres' }` (from DATABASE_URL), demo users
 * on by default, the built web app served at `/` when it exists.
 */
export async function startPlatform(
  opts: { demo?: boolean; env?: Record<string, string>; database?: 'pglite' | 'postgres'; listen?: boolean } & Omit<PlatformOptions, 'database'> = {},
): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-test-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  let database = opts.database === undefined || opts.database === 'pglite' ? undefined : null;
  let databaseUrl = '';
  if (opts.database === 'postgres') {
    if (!services.databaseUrl) throw new Error('DATABASE_URL is needed for a PostgreSQL platform test');
    const scratch = await createScratchDatabase(services.databaseUrl);
    databaseUrl = scratch.url;
    cleanups.unshift(() => scratch.drop());
    database = undefined;
  }
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: opts.demo === false ? '0' : '1',
    // No live twin traffic in tests unless a test asks for it (env: { DEMO_TWIN: '1' }).
    DEMO_TWIN: '0',
    LOG_LEVEL: 'silent',
    MQTT_PORT: '0',
    DATABASE_URL: databaseUrl,
    ...opts.env,
  });
  const options: PlatformOptions = { clock: opts.clock, ids: opts.ids, log: opts.log ?? createLogger(config.logLevel) };
  // An explicit DATA_DIR means the on-disk PGlite there; otherwise a fast in-memory one.
  if (database === undefined && !config.databaseUrl && !opts.env?.DATA_DIR) options.database = await openDatabase({ memory: true });
  const platform = await buildPlatform(config, options);
  const url = opts.listen === false ? '' : (await platform.listen()).replace('0.0.0.0', '127.0.0.1');
  return {
    url,
    platform,
    async close() {
      await platform.close();
      for (const c of cleanups) await c();
    },
  };
}
