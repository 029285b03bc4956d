import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { applyConditions, recordAlertAction } from './alert-writer.ts';
import { iocError } from './errors.ts';
import { actOnAlert, type AlertAction } from './lifecycle.ts';
import { IOC_ROLES, type Alert, type AlertState, type ForecastProvider } from './model.ts';
import { driftRule, escalationsDue, silenceRules } from './rules.ts';
import type { IocSettings } from './settings.ts';
import { alerts } from './store/alerts.ts';
import { kpiMinutes, projection } from './store/projection.ts';
import { minuteOf } from './kpis.ts';

/** What one run of the timer rules did. */
export interface TickResult {
  raised: number;
  escalated: number;
}

/** Alerts: listing, the operator's actions, and the timer rules (silence, escalation, forecast drift). */
export class AlertService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: IocSettings,
    private readonly forecast: ForecastProvider | null,
    private readonly changed: () => void,
    private readonly userRoles: ((username: string) => Promise<readonly string[] | null>) | null = null,
  ) {}

  /** Alerts, newest first; unresolved ones by default. */
  async list(state: AlertState | 'unresolved'): Promise<Alert[]> {
    return state === 'unresolved' ? alerts.unresolved(this.db, 200) : alerts.recent(this.db, state, 200);
  }

  /** Acknowledges, assigns, escalates or resolves an alert; audited. */
  async act(ctx: RequestContext, id: string, action: AlertAction): Promise<Alert> {
    const by = ctx.actor?.name ?? 'system';
    if (action.kind === 'assign' && this.userRoles) {
      const roles = await this.userRoles(action.assignee);
      if (!roles?.some((r) => (IOC_ROLES as readonly string[]).includes(r))) {
        throw iocError('IOC_ASSIGNEE_UNKNOWN', `${action.assignee} is not an active operations-centre user`, [{ pointer: '/assignee', code: 'ASSIGNEE_UNKNOWN', message: `no active user ${action.assignee} with role ${IOC_ROLES.join(', ')}` }]);
      }
    }
    const a = await this.uow.run(ctx, async (w) => {
      const found = await alerts.byId(w.tx, id, true);
      if (!found) throw iocError('IOC_ALERT_NOT_FOUND', `No alert ${id}`);
      const r = actOnAlert(found, action, by, w.now);
      if (!r.ok) throw iocError(r.code, r.message, undefined, { state: found.state });
      await recordAlertAction(w, r.value, action.kind, { by, ...(action.kind === 'assign' ? { assignee: action.assignee } : {}) });
      return r.value;
    });
    this.changed();
    return a;
  }

  /** Runs the timer rules once at the clock's now: silent devices, due escalations, forecast drift. */
  async tick(ctx: RequestContext): Promise<TickResult> {
    const now = this.clock.now();
    const devices = await projection.devices(this.db);
    const silence = silenceRules(devices, now, this.settings);
    const unresolved = await alerts.unresolved(this.db, 500);
    const due = escalationsDue(unresolved, now, this.settings);
    const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    const expected = this.forecast ? await this.forecast.expectedVehiclesPerHour(now) : null;
    const measured = expected === null ? 0 : await this.vehiclesLastHour(now);
    const drift = driftRule(measured, expected, hourStart, this.settings);
    // Most ticks change nothing: answer without a transaction (and without an audit record).
    const openNow = new Set(unresolved.map((a) => `${a.rule}/${a.subject}`));
    const worth = due.length > 0 || [...silence.raise, ...drift.raise].some((c) => !openNow.has(`${c.rule}/${c.subject}`)) || [...silence.clear, ...drift.clear].some((c) => openNow.has(`${c.rule}/${c.subject}`));
    if (!worth) return { raised: 0, escalated: 0 };
    const result = await this.uow.run(ctx, async (w) => {
      let raised = await applyConditions(w, this.ids, silence);
      raised += await applyConditions(w, this.ids, drift);
      let escalated = 0;
      for (const a of due) {
        const current = await alerts.byId(w.tx, a.id, true);
        if (!current || current.state !== 'open' || escalationsDue([current], now, this.settings).length === 0) continue;
        const r = actOnAlert(current, { kind: 'escalate' }, 'system', w.now);
        if (!r.ok) continue;
        await recordAlertAction(w, r.value, 'escalate', { by: 'system', automatic: true, level: r.value.escalationLevel });
        escalated++;
      }
      w.audit({ action: 'ioc.rules_checked', targetType: 'ioc', targetId: 'rules', details: { raisedOrCleared: raised, escalated } });
      return { raised, escalated };
    });
    this.changed();
    return result;
  }

  private async vehiclesLastHour(now: Date): Promise<number> {
    const from = new Date(minuteOf(now).getTime() - 59 * 60_000);
    return (await kpiMinutes.range(this.db, from, now)).filter((r) => r.metric === 'exited').reduce((s, r) => s + r.value, 0);
  }
}
