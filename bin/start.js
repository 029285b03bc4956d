#!/usr/bin/env node
// `npm start`: builds the web app when it is not built yet, then runs the platform with the
// demo site on embedded defaults (DEMO=1 and the live twin DEMO_TWIN=1 unless the environment
// says otherwise).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
  console.log('Building the web app (first start only)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.env.DEMO ??= '1';
// …and the live digital twin drives the demo gate (docs/twin.md); DEMO_TWIN=0 switches it off.
process.env.DEMO_TWIN ??= '1';
register();
const { main } = await import('../src/main.ts');
await main();
