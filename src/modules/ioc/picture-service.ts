import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { presentAlert } from './alert-writer.ts';
import { iocError } from './errors.ts';
import { buildSeries, estimatedWaitMinutes, GAUGES, minuteOf, type KpiPoint } from './kpis.ts';
import type { IocSite } from './model.ts';
import { alerts } from './store/alerts.ts';
import { kpiMinutes, projection } from './store/projection.ts';
import type { IocSettings } from './settings.ts';

const HOUR = 3_600_000;

/** The live site picture the IOC page draws and the WebSocket pushes. */
export interface SitePicture {
  at: string;
  gate: string;
  lanes: Array<{ direction: string; laneClass: string; lanes: number; open: number; waiting: number }>;
  yard: { occupied: number; capacity: number; ratio: number };
  trucks: Array<{ journeyId: string; plate: string; direction: string; laneClass: string; stage: string; since: string }>;
  devices: Array<{ deviceId: string; kind: string; lastSeen: string; state: string | null; silent: boolean }>;
  /** The AGV corridor: trucks handed over in the last hour, and whether it is configured here. */
  agv: { configured: boolean; handedOverLastHour: number };
  /** E-gate lanes for people: no people module reports yet, so `measured` is false. */
  egates: { lanes: number; measured: boolean };
  kpis: KpiPoint;
  alerts: ReturnType<typeof presentAlert>[];
}

/** Public status: no personal data, recomputed at most once a minute. */
export interface PublicStatus {
  updatedAt: string;
  gate: string;
  lanes: Array<{ direction: string; goodsClass: string; lanesOpen: number; waiting: number; estimatedWaitMinutes: number | null }>;
  /** Median arrival-to-exit time over the last hour per direction, minutes; null when no truck left. */
  measuredClearanceMinutes: { inbound: number | null; outbound: number | null };
  peopleMeasured: boolean;
}

/** Reads for the IOC screens: the site picture, KPI series, public status. */
export class PictureService {
  #status: { minute: number; value: PublicStatus } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly site: IocSite,
    private readonly settings: IocSettings,
  ) {}

  /** KPIs per minute over [from, to] (at most 24 h). */
  async kpis(from: Date, to: Date): Promise<KpiPoint[]> {
    if (!(from.getTime() <= to.getTime())) throw iocError('IOC_RANGE_INVALID', '`from` must not be after `to`', [{ pointer: '/from', code: 'IOC_RANGE_INVALID', message: 'must not be after `to`' }]);
    if (to.getTime() - from.getTime() > 24 * HOUR) throw iocError('IOC_RANGE_INVALID', 'The range is longer than 24 hours', [{ pointer: '/to', code: 'IOC_RANGE_INVALID', message: 'at most 24 hours after `from`' }]);
    const windowFrom = new Date(minuteOf(from).getTime() - HOUR);
    const rows = await kpiMinutes.range(this.db, windowFrom, to);
    const samples = await projection.clearances(this.db, windowFrom, new Date(to.getTime() + 60_000));
    const before = await kpiMinutes.lastBefore(this.db, GAUGES, windowFrom);
    return buildSeries(from, to, rows, samples, before);
  }

  /** The KPIs of the current minute. */
  async kpiNow(): Promise<KpiPoint> {
    const now = this.clock.now();
    return (await this.kpis(now, now))[0]!;
  }

  /** Everything on the IOC's live picture now. */
  async snapshot(): Promise<SitePicture> {
    const now = this.clock.now();
    // One query after another: PGlite has a single connection, and the picture is small.
    const trucks = await projection.onSite(this.db, 500);
    const devices = await projection.devices(this.db);
    const queue = await projection.queue(this.db);
    const yardOccupied = await projection.yardOccupied(this.db);
    const open = await alerts.unresolved(this.db, 100);
    const kpis = await this.kpiNow();
    const silentMs = this.settings.deviceSilentMinutes * 60_000;
    const agvLanes = this.site.lanes.filter((l) => l.laneClass === 'agv');
    const handed = agvLanes.length > 0 ? await projection.countStageSince(this.db, 'handed_to_agv', new Date(now.getTime() - HOUR)) : 0;
    return {
      at: now.toISOString(),
      gate: this.site.gate,
      lanes: this.site.lanes.map((l) => ({ direction: l.direction, laneClass: l.laneClass, lanes: l.lanes, open: l.lanes, waiting: queue.find((q) => q.direction === l.direction && q.laneClass === l.laneClass)?.n ?? 0 })),
      yard: { occupied: yardOccupied, capacity: this.site.yardCapacity, ratio: this.site.yardCapacity > 0 ? yardOccupied / this.site.yardCapacity : 0 },
      trucks: trucks.map((t) => ({ ...t, since: t.since.toISOString() })),
      devices: devices.map((d) => ({ deviceId: d.deviceId, kind: d.kind, lastSeen: d.lastSeen.toISOString(), state: d.state, silent: now.getTime() - d.lastSeen.getTime() > silentMs })),
      agv: { configured: agvLanes.length > 0, handedOverLastHour: handed },
      egates: { lanes: 0, measured: false },
      kpis,
      alerts: open.map(presentAlert),
    };
  }

  /** The public status of the crossing (cached for the clock's current minute). */
  async publicStatus(): Promise<PublicStatus> {
    const now = this.clock.now();
    const minute = minuteOf(now).getTime();
    if (this.#status?.minute === minute) return this.#status.value;
    const queue = await projection.queue(this.db);
    const kpis = await this.kpiNow();
    const value: PublicStatus = {
      updatedAt: now.toISOString(),
      gate: this.site.gate,
      lanes: this.site.lanes.map((l) => {
        const waiting = queue.find((q) => q.direction === l.direction && q.laneClass === l.laneClass)?.n ?? 0;
        return { direction: l.direction, goodsClass: l.laneClass, lanesOpen: l.lanes, waiting, estimatedWaitMinutes: estimatedWaitMinutes(waiting, l.lanes, l.trucksPerHourPerLane) };
      }),
      measuredClearanceMinutes: { inbound: kpis.clearance.inbound.p50, outbound: kpis.clearance.outbound.p50 },
      peopleMeasured: false,
    };
    this.#status = { minute, value };
    return value;
  }
}
