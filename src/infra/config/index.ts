import path from 'node:path';

/** Log levels understood by the logger. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The platform's validated configuration. Only this module reads `process.env`. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL server; absent means embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  /** External MQTT broker; absent means the embedded broker on `mqttPort`. */
  mqttUrl: string | null;
  mqttPort: number;
  /** NATS JetStream server for events; absent means the in-process bus only. */
  natsUrl: string | null;
  logLevel: LogLevel;
  demo: boolean;
  siteId: string;
  siteName: string;
  /** Hex-encoded 32-byte key; absent means generated and kept in `dataDir`. */
  secretKey: string | null;
  bodyLimitBytes: number;
  sessionTtlMinutes: number;
  loginMaxAttempts: number;
  loginLockoutMinutes: number;
  shutdownTimeoutMs: number;
  webDir: string;
}

/** One problem with one variable. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Raised when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads the environment into a typed configuration, collecting every problem before failing. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const problems: ConfigProblem[] = [];
  const str = (name: string, fallback: string): string => {
    const v = env[name];
    return v === undefined || v === '' ? fallback : v;
  };
  const optional = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v === '' ? null : v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw.trim())) {
      problems.push({ variable: name, message: `must be a whole number, got "${raw}"` });
      return fallback;
    }
    const n = Number(raw);
    if (n < min || n > max) problems.push({ variable: name, message: `must be between ${min} and ${max}, got ${n}` });
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push({ variable: name, message: `must be 1/0, true/false, yes/no or on/off, got "${raw}"` });
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = optional(name);
    if (raw === null) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) {
        problems.push({ variable: name, message: `must use ${protocols.join(' or ')}, got "${u.protocol}"` });
      }
    } catch {
      problems.push({ variable: name, message: 'is not a valid URL' });
    }
    return raw;
  };

  const logLevel = str('LOG_LEVEL', 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push({ variable: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` });
  }
  const siteId = str('SITE_ID', 'VN-MONGCAI');
  if (!/^[A-Z]{2}-[A-Z0-9-]{2,30}$/.test(siteId)) {
    problems.push({ variable: 'SITE_ID', message: `must look like "VN-MONGCAI" (country code, dash, upper-case name), got "${siteId}"` });
  }
  const secretKey = optional('SECRET_KEY');
  if (secretKey !== null && !/^[0-9a-fA-F]{64}$/.test(secretKey)) {
    problems.push({ variable: 'SECRET_KEY', message: 'must be 64 hexadecimal characters (32 bytes)' });
  }
  const dataDir = path.resolve(cwd, str('DATA_DIR', './data'));

  const config: Config = {
    port: int('PORT', 8080, 0, 65535),
    host: str('HOST', '0.0.0.0'),
    dataDir,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    mqttUrl: url('MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']),
    mqttPort: int('MQTT_PORT', 1884, 0, 65535),
    natsUrl: url('NATS_URL', ['nats:', 'tls:']),
    logLevel,
    demo: bool('DEMO', false),
    siteId,
    siteName: str('SITE_NAME', 'Móng Cái – Dongxing'),
    secretKey,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionTtlMinutes: int('SESSION_TTL_MINUTES', 12 * 60, 1, 30 * 24 * 60),
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', 5, 1, 100),
    loginLockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    webDir: path.resolve(cwd, str('WEB_DIR', './web/dist')),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The configuration of this process, from `process.env`. */
export function loadConfig(overrides: Env = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}

/** Reads a single flag the test and bench harnesses use (kept here so nothing else reads process.env). */
export function envFlag(name: string): string | undefined {
  return process.env[name];
}
