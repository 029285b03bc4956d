import { parseArgs } from 'node:util';
import { verifyAuditChain } from './infra/audit/index.ts';
import { systemContext, isRole, type Role } from './infra/auth/index.ts';
import { ConfigError, loadConfig, type Config } from './infra/config/index.ts';
import { runMigrations, type Db } from './infra/db/index.ts';
import { AppError } from './infra/errors/index.ts';
import { createLogger } from './infra/log/index.ts';
import { RISK_USAGE, runRiskCommand } from './modules/risk/index.ts';
import { runTariffLoad, TARIFF_LOAD_USAGE } from './modules/customs/index.ts';
import { LEDGER_USAGE, runLedgerCommand } from './modules/ledger/index.ts';
import { ALL_MIGRATIONS, buildPlatform, openConfiguredDatabase } from './platform.ts';
import { runSimCommand, SIM_USAGE } from './sim/cli.ts';

const USAGE = `Usage: borderflow <command> [options]

Commands:
  start                         run the platform (same as npm start, without building the web app)
  migrate                       apply pending database migrations and exit
  admin create --username U --password P [--display-name N] [--roles admin,…] [--enterprise ID]
                                create a user (default role: admin)
  audit verify                  walk the audit hash chain; exit 1 at the first record that does not verify
  ${LEDGER_USAGE}
  ${TARIFF_LOAD_USAGE}
${RISK_USAGE}
${SIM_USAGE}
  help                          this text

Configuration comes from the environment (see docs/configuration.md).`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], io: Out = stdio, env: Record<string, string> = {}): Promise<number> {
  const [command, sub, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) io.err(`config error: ${p.variable} ${p.message}`);
    return 2;
  }
  try {
    switch (command) {
      case 'start': {
        const { main } = await import('./main.ts');
        await main(env);
        return await new Promise<number>(() => {}); // runs until a signal stops the process
      }
      case 'migrate':
        return await migrate(config, io);
      case 'admin':
        if (sub === 'create') return await adminCreate(config, rest, io);
        break;
      case 'audit':
        if (sub === 'verify') return await auditVerify(config, io);
        break;
      case 'ledger':
        return await ledgerCommand(config, sub, rest, io);
      case 'risk':
        return await runRiskCommand(sub, rest, io);
      case 'sim':
        return await runSimCommand(sub, rest, io);
      case 'tariff':
        if (sub === 'load') return await runTariffLoad(rest, io, (fn) => withMigratedDatabase(config, fn));
        break;
      case 'help':
      case '--help':
      case undefined:
        io.out(USAGE);
        return command === undefined ? 2 : 0;
    }
    io.err(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`${err.code}: ${err.detail}${err.errors ? '\n' + err.errors.map((e) => `  ${e.pointer}: ${e.message}`).join('\n') : ''}`);
      return 1;
    }
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

async function migrate(config: Config, io: Out): Promise<number> {
  const database = await openConfiguredDatabase(config, createLogger('warn'));
  try {
    const applied = await runMigrations(database.db, ALL_MIGRATIONS);
    io.out(applied.length ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'database is up to date');
    return 0;
  } finally {
    await database.close();
  }
}

async function adminCreate(config: Config, args: string[], io: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' }, roles: { type: 'string' }, enterprise: { type: 'string' } },
  });
  if (!values.username || !values.password) {
    io.err('admin create needs --username and --password');
    return 2;
  }
  const roles = (values.roles ?? 'admin').split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) {
    io.err(`unknown role(s): ${unknown.join(', ')}`);
    return 2;
  }
  const platform = await buildPlatform({ ...config, demo: false }, { log: createLogger('warn') });
  try {
    const user = await platform.identity.directory.createUser(systemContext(), {
      username: values.username, password: values.password, displayName: values['display-name'] ?? values.username,
      roles: roles as Role[], enterpriseId: values.enterprise ?? null,
    });
    io.out(`created user ${user.username} (${user.id}) with roles ${user.roles.join(', ')}`);
    return 0;
  } finally {
    await platform.close();
  }
}

async function withMigratedDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config, createLogger('warn'));
  try {
    await runMigrations(database.db, ALL_MIGRATIONS);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function ledgerCommand(config: Config, sub: string | undefined, args: string[], io: Out): Promise<number> {
  const database = await openConfiguredDatabase(config, createLogger('warn'));
  try {
    return await runLedgerCommand(database.db, sub, args, io, { dataDir: config.dataDir, siteId: config.siteId });
  } finally {
    await database.close();
  }
}

async function auditVerify(config: Config, io: Out): Promise<number> {
  const database = await openConfiguredDatabase(config, createLogger('warn'));
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      io.out(`audit chain OK: ${result.records} record(s) verified`);
      return 0;
    }
    io.err(`audit chain BROKEN at record ${result.firstBad!.id} (chain ${result.firstBad!.chain}, #${result.firstBad!.seq}): ${result.firstBad!.reason} (${result.records} record(s) read)`);
    return 1;
  } finally {
    await database.close();
  }
}
