// `npm run bench -- <name> [<name> …]`: runs bench/<name>.ts, each printing its own figures.
// Benchmarks print numbers; they never pass or fail on time.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const available = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts').map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
if (wanted.length === 0) {
  console.log(`usage: npm run bench -- <${available.join('|')}> [more…]`);
  process.exit(2);
}
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`no benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of wanted) {
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(path.join(dir, `${name}.ts`))) as { run(): Promise<void> };
  await mod.run();
}
