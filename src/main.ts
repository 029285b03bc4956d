import { ConfigError, loadConfig } from './infra/config/index.ts';
import { buildPlatform } from './platform.ts';

/** Starts the platform in this process and stops it cleanly on SIGTERM/SIGINT. */
export async function main(overrides: Record<string, string> = {}): Promise<void> {
  let config;
  try {
    config = loadConfig(overrides);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`config error: ${p.variable} ${p.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const platform = await buildPlatform(config);
  const url = await platform.listen();
  platform.log.info({ url, site: config.siteId, database: platform.database.kind, demo: config.demo }, 'Borderflow is running');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      platform.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    platform.close().then(
      () => process.exit(0),
      (err: unknown) => {
        platform.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`Borderflow failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
