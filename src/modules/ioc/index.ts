/**
 * Intelligent Operations Centre: projections of the event stream (site picture, per-minute
 * KPIs), alert rules with acknowledge/assign/escalate, the inter-agency incident hotline, the
 * live WebSocket push and the public status. This file is the module's only entry point (docs/ioc.md).
 */
import { systemContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Consumer, UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { AlertService, type TickResult } from './alert-service.ts';
import { IncidentService } from './incident-service.ts';
import { LiveHub } from './live.ts';
import type { ForecastProvider, IocSite } from './model.ts';
import { PictureService } from './picture-service.ts';
import { iocProjector } from './projector.ts';
import { projection } from './store/projection.ts';
import { iocRoutes, publicStatusRoutes } from './routes.ts';
import type { IocSettings } from './settings.ts';

export { iocMigrations } from './migrations/index.ts';
export { iocError } from './errors.ts';
export { defaultIocSettings, type IocSettings } from './settings.ts';
export { ALERT_RULES, AGENCIES, type Alert, type AlertRule, type Incident, type IocSite, type ForecastProvider, type SiteLane } from './model.ts';
export { gaugeRules, eventRules, silenceRules, escalationsDue, driftRule } from './rules.ts';
export { buildSeries, percentile, slotAdherence, estimatedWaitMinutes, type KpiPoint } from './kpis.ts';
export type { SitePicture, PublicStatus } from './picture-service.ts';
export type { LiveMessage } from './live.ts';
export type { TickResult } from './alert-service.ts';

/** What the IOC needs from the composition root. */
export interface IocDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  settings: IocSettings;
  /** The site's lanes and yard (from the gate's settings). */
  site: IocSite;
  /** Hourly expected vehicles (the twin's forecast); without it the drift rule stays quiet. */
  forecast?: ForecastProvider | null;
  /** Identity's roles of an active user (null: no such user); without it any assignee is taken. */
  userRoles?: (username: string) => Promise<readonly string[] | null>;
}

/** The IOC module, wired. */
export interface IocModule {
  /** The live settings (tests and the twin may adjust them). */
  settings: IocSettings;
  /** The site's lanes and yard as the IOC sees them (adjustable like the settings). */
  site: IocSite;
  picture: PictureService;
  alerts: AlertService;
  incidents: IncidentService;
  /** Projects gate, customs, exchange and ledger events; subscribe it to the bus. */
  consumer: Consumer;
  /** Connected live browsers. */
  liveClients(): number;
  /** Mounts /api/ioc and /api/public. */
  register(app: HttpApp): Promise<void>;
  /**
   * Forgets trucks that left the site before `before` (the picture shows trucks on site; their
   * clearance samples and the per-minute KPIs stay). Answers how many. Run by the hourly housekeeping.
   */
  prune(before: Date): Promise<number>;
  /** Runs the timer rules once (device silence, escalation, forecast drift) at the clock's now. */
  tick(): Promise<TickResult>;
  /** Starts the timer rules every `tickSeconds` of wall time. */
  start(): void;
  stop(): Promise<void>;
}

/** Builds the IOC module. */
export function createIocModule(deps: IocDeps): IocModule {
  const picture = new PictureService(deps.db, deps.clock, deps.site, deps.settings);
  const hub = new LiveHub(() => picture.snapshot(), deps.settings.pushCoalesceMs, deps.log);
  const changed = () => hub.changed();
  const alerts = new AlertService(deps.db, deps.uow, deps.clock, deps.ids, deps.settings, deps.forecast ?? null, changed, deps.userRoles ?? null);
  const incidents = new IncidentService(deps.db, deps.uow, deps.ids, changed);
  const consumer = iocProjector({ clock: deps.clock, ids: deps.ids, settings: deps.settings, site: deps.site, changed });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => alerts.tick(systemContext('ioc.tick'));
  return {
    settings: deps.settings, site: deps.site, picture, alerts, incidents, consumer,
    liveClients: () => hub.size,
    async register(app) {
      await app.register(iocRoutes({ picture, alerts, incidents, hub }), { prefix: '/api/ioc' });
      await app.register(publicStatusRoutes(picture), { prefix: '/api/public' });
    },
    prune: (before) => projection.pruneTrucks(deps.db, before),
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        running = tick().catch((err: unknown) => deps.log.error({ err }, 'ioc rules check failed'));
      }, deps.settings.tickSeconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      hub.close();
    },
  };
}
