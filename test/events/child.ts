import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';

/** A fixture script running as a child process, with its stdout read line by line. */
export interface ChildRun {
  child: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix`; rejects if the child exits first or after `timeoutMs`. */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal) once the child has ended. */
  exited: Promise<number | string>;
  /** Everything the child wrote to stderr, for failure messages. */
  stderr(): string;
  /** The stdout lines so far. */
  lines(): readonly string[];
}

/** Starts `test/events/fixtures/<script>` under tsx; the test's cleanup kills it if still running. */
export function runFixture(t: TestContext, script: string, args: string[]): ChildRun {
  const file = fileURLToPath(new URL(`./fixtures/${script}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  let err = '';
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) w.resolve(line);
    }
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    exited,
    stderr: () => err,
    lines: () => lines,
    waitFor(prefix, timeoutMs = 120_000) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script}: no "${prefix}" within ${timeoutMs} ms\n${err}`)), timeoutMs);
        waiters.push({ prefix, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${script} exited (${code}) before "${prefix}"\n${err}`));
        });
      });
    },
  };
}

/** Kills the child with SIGKILL (no chance to clean up) and waits until it is gone. */
export async function killHard(run: ChildRun): Promise<void> {
  run.child.kill('SIGKILL');
  await run.exited;
}
