// Runs the platform in its own process for a benchmark, so the load generator does not share
// its event loop. Prints `READY <url>` when listening; stops on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/infra/config/index.ts';
import { buildPlatform } from '../../src/platform.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-bench-'));
const config = parseConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', MQTT_PORT: '0' });
const platform = await buildPlatform(config);
const url = await platform.listen();
console.log(`READY ${url}`);
process.on('SIGTERM', () => {
  void platform.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
