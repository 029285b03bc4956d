import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createScratchDatabase } from '../../test/support/db.ts';
import { envFlag } from '../../src/infra/config/index.ts';

/** A platform process under benchmark. */
export interface BenchServer {
  url: string;
  label: string;
  stop(): Promise<void>;
}

/** The database setups every HTTP benchmark runs on: PGlite always, PostgreSQL when reachable. */
export function benchTargets(): Array<{ label: string; databaseUrl: string | null }> {
  const base = envFlag('DATABASE_URL') || 'postgres://postgres@127.0.0.1:5432/postgres';
  return [
    { label: 'PGlite (embedded)', databaseUrl: null },
    { label: 'PostgreSQL', databaseUrl: base },
  ];
}

/**
 * Starts a platform process on a fresh database (a scratch PostgreSQL database, or PGlite) and
 * resolves once it prints `READY <url>`. By default the plain platform (support/server.ts); a
 * benchmark that needs its own set-up passes its own script, arguments and environment.
 */
export async function startBenchServer(
  target: { label: string; databaseUrl: string | null },
  server: { script?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  let drop: (() => Promise<void>) | null = null;
  const env: Record<string, string> = { ...(process.env as Record<string, string>), DATABASE_URL: '', ...server.env };
  if (target.databaseUrl) {
    const scratch = await createScratchDatabase(target.databaseUrl);
    env.DATABASE_URL = scratch.url;
    drop = () => scratch.drop();
  }
  const script = server.script ?? path.join(import.meta.dirname, 'server.ts');
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the platform process.
  const nodeArgs = (envFlag('BENCH_SERVER_NODE_ARGS') || '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...(server.args ?? [])], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url,
    label: target.label,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await drop?.();
    },
  };
}

/** Signs in and returns a bearer token. */
export async function benchLogin(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
