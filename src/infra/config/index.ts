import { readFileSync } from 'node:fs';
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
  /** With `demo`: run the live twin against this platform (docs/twin.md); `npm start` sets DEMO_TWIN=1. */
  demoTwin: boolean;
  /** Simulated time per real time of the live twin (10 = ten simulated minutes a minute). */
  demoSpeed: number;
  /** The scenario whose trucks the live twin drives (a name under `sim/scenarios/` or a `.json` path). */
  demoScenario: string;
  /** The twin scenario whose hourly forecast the IOC compares measured traffic with; null: no forecast. */
  forecastScenario: string | null;
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
  /** Partner exchange (docs/exchange.md). */
  exchange: ExchangeConfig;
  /** Gate overrides (docs/gate.md); null keeps the gate's default. */
  gate: GateConfig;
}

/** The gate's overridable settings. */
export interface GateConfig {
  laneTrucksPerHour: number | null;
  yardCapacity: number | null;
  noShowGraceMinutes: number | null;
  barrierConfirmSeconds: number | null;
  slotEarlyMinutes: number | null;
  slotLateMinutes: number | null;
  plateIndexMaxAgeMs: number | null;
  /** Fee per vehicle class from `class=amount,…`. */
  fees: Record<string, number> | null;
}

/** The exchange's settings: partners, our key, delivery and witnessing. */
export interface ExchangeConfig {
  /** Partners from EXCHANGE_PARTNERS (JSON) or EXCHANGE_PARTNERS_FILE, checked again by the module. */
  partners: ExchangePartnerConfig[];
  keyFile: string | null;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  batchSize: number;
  pollMs: number;
  cosignIntervalMs: number;
  maxAgeSeconds: number;
  requestTimeoutMs: number;
}

/** One configured partner. */
export interface ExchangePartnerConfig {
  id: string;
  name: string;
  endpoint: string;
  keys: Array<{ keyId: string; publicKey: string; validFrom: string; validUntil: string | null }>;
  sends: string[];
  receives: string[];
  ledgerKey: string | null;
  witnessKey: string | null;
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
    demoTwin: bool('DEMO_TWIN', false),
    demoSpeed: int('DEMO_SPEED', 10, 1, 3600),
    demoScenario: str('DEMO_SCENARIO', 'mong-cai-normal'),
    forecastScenario: optional('FORECAST_SCENARIO'),
    siteId,
    siteName: str('SITE_NAME', 'Móng Cái – Dongxing'),
    secretKey,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionTtlMinutes: int('SESSION_TTL_MINUTES', 12 * 60, 1, 30 * 24 * 60),
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', 5, 1, 100),
    loginLockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    webDir: path.resolve(cwd, str('WEB_DIR', './web/dist')),
    exchange: {
      partners: exchangePartners(optional('EXCHANGE_PARTNERS'), optional('EXCHANGE_PARTNERS_FILE'), cwd, problems),
      keyFile: optional('EXCHANGE_KEY_FILE') === null ? null : path.resolve(cwd, str('EXCHANGE_KEY_FILE', '')),
      maxAttempts: int('EXCHANGE_MAX_ATTEMPTS', 12, 1, 1000),
      retryBaseMs: int('EXCHANGE_RETRY_BASE_MS', 500, 1, 3_600_000),
      retryMaxMs: int('EXCHANGE_RETRY_MAX_MS', 60_000, 1, 86_400_000),
      batchSize: int('EXCHANGE_BATCH_SIZE', 100, 1, 500),
      pollMs: int('EXCHANGE_POLL_MS', 1000, 10, 600_000),
      cosignIntervalMs: int('EXCHANGE_COSIGN_INTERVAL_MS', 60_000, 0, 86_400_000),
      maxAgeSeconds: int('EXCHANGE_MESSAGE_MAX_AGE_SECONDS', 7 * 86400, 60, 90 * 86400),
      requestTimeoutMs: int('EXCHANGE_REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    gate: {
      laneTrucksPerHour: optional('GATE_LANE_TRUCKS_PER_HOUR') === null ? null : int('GATE_LANE_TRUCKS_PER_HOUR', 0, 1, 600),
      yardCapacity: optional('GATE_YARD_CAPACITY') === null ? null : int('GATE_YARD_CAPACITY', 0, 1, 100_000),
      noShowGraceMinutes: optional('GATE_NO_SHOW_GRACE_MINUTES') === null ? null : int('GATE_NO_SHOW_GRACE_MINUTES', 0, 0, 24 * 60),
      barrierConfirmSeconds: optional('GATE_BARRIER_CONFIRM_SECONDS') === null ? null : int('GATE_BARRIER_CONFIRM_SECONDS', 0, 1, 3600),
      slotEarlyMinutes: optional('GATE_SLOT_EARLY_MINUTES') === null ? null : int('GATE_SLOT_EARLY_MINUTES', 0, 0, 24 * 60),
      slotLateMinutes: optional('GATE_SLOT_LATE_MINUTES') === null ? null : int('GATE_SLOT_LATE_MINUTES', 0, 0, 24 * 60),
      plateIndexMaxAgeMs: optional('GATE_PLATE_INDEX_MAX_AGE_MS') === null ? null : int('GATE_PLATE_INDEX_MAX_AGE_MS', 0, 0, 600_000),
      fees: amounts('GATE_FEES', optional('GATE_FEES'), problems),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `name=amount,…` (whole amounts); which names are valid is the module's business. */
function amounts(variable: string, raw: string | null, problems: ConfigProblem[]): Record<string, number> | null {
  if (raw === null) return null;
  const out: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const m = /^\s*([a-z0-9_]+)\s*=\s*(\d{1,12})\s*$/.exec(part);
    if (!m) {
      problems.push({ variable, message: `must be name=amount pairs separated by commas, got "${part.trim()}"` });
      return null;
    }
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

/** Partners from inline JSON or a JSON file (an array of partner objects); problems name the variable. */
function exchangePartners(inline: string | null, file: string | null, cwd: string, problems: ConfigProblem[]): ExchangePartnerConfig[] {
  const variable = inline !== null ? 'EXCHANGE_PARTNERS' : 'EXCHANGE_PARTNERS_FILE';
  let text: string;
  if (inline !== null) text = inline;
  else if (file !== null) {
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (err) {
      problems.push({ variable, message: `cannot be read: ${(err as Error).message}` });
      return [];
    }
  } else return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    problems.push({ variable, message: 'is not valid JSON' });
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.push({ variable, message: 'must be a JSON array of partners' });
    return [];
  }
  const out: ExchangePartnerConfig[] = [];
  raw.forEach((p: Record<string, unknown>, i) => {
    const ok = p && typeof p === 'object' && typeof p.id === 'string' && /^[A-Z]{2}-[A-Z0-9-]{2,30}$/.test(p.id) && typeof p.endpoint === 'string' && /^https?:\/\//.test(p.endpoint)
      && Array.isArray(p.keys) && p.keys.length > 0 && Array.isArray(p.sends) && Array.isArray(p.receives);
    if (!ok) {
      problems.push({ variable, message: `partner ${i} needs id (like CN-DONGXING), endpoint (http/https URL), keys, sends and receives` });
      return;
    }
    out.push({
      id: p.id as string, name: typeof p.name === 'string' ? p.name : (p.id as string), endpoint: p.endpoint as string,
      keys: (p.keys as Array<Record<string, unknown>>).map((k) => ({ keyId: String(k.keyId), publicKey: String(k.publicKey), validFrom: String(k.validFrom ?? '1970-01-01T00:00:00Z'), validUntil: k.validUntil ? String(k.validUntil) : null })),
      sends: (p.sends as unknown[]).map(String), receives: (p.receives as unknown[]).map(String),
      ledgerKey: typeof p.ledgerKey === 'string' ? p.ledgerKey : null, witnessKey: typeof p.witnessKey === 'string' ? p.witnessKey : null,
    });
  });
  return out;
}

/** The configuration of this process, from `process.env`. */
export function loadConfig(overrides: Env = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}

/** Reads a single flag the test and bench harnesses use (kept here so nothing else reads process.env). */
export function envFlag(name: string): string | undefined {
  return process.env[name];
}
