import type { RequestContext } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { iocError } from './errors.ts';
import { actOnIncident, openIncident, type IncidentAction } from './lifecycle.ts';
import type { Agency, Incident } from './model.ts';
import { alerts } from './store/alerts.ts';
import { incidents } from './store/incidents.ts';

/** The inter-agency hotline: incidents opened from an alert or by hand, handed to an agency, worked in notes, resolved. */
export class IncidentService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly changed: () => void,
  ) {}

  /** Incidents, newest first. */
  list(state: 'open' | 'resolved' | null): Promise<Incident[]> {
    return incidents.list(this.db, state, 200);
  }

  /** One incident with its timeline. */
  async get(id: string): Promise<Incident> {
    const i = await incidents.byId(this.db, id);
    if (!i) throw iocError('IOC_INCIDENT_NOT_FOUND', `No incident ${id}`);
    return i;
  }

  /** Opens an incident; from an alert, the alert must exist (its title is the default). */
  async open(ctx: RequestContext, input: { title: string | null; agency: Agency; alertId: string | null; note: string | null }): Promise<Incident> {
    const by = ctx.actor?.name ?? 'system';
    const i = await this.uow.run(ctx, async (w) => {
      let title = input.title;
      if (input.alertId) {
        const a = await alerts.byId(w.tx, input.alertId);
        if (!a) throw iocError('IOC_ALERT_NOT_FOUND', `No alert ${input.alertId}`, [{ pointer: '/alertId', code: 'IOC_ALERT_NOT_FOUND', message: 'no such alert' }]);
        title ??= a.message;
      }
      if (!title) throw platformError('VALIDATION_FAILED', 'An incident needs a title or an alert', [{ pointer: '/title', code: 'required', message: 'give a title, or open the incident from an alert' }]);
      const incident = openIncident({ id: this.ids.next('inc'), title, agency: input.agency, alertId: input.alertId, note: input.note }, by, w.now);
      await incidents.insert(w.tx, incident, w.now);
      w.emit({ type: 'ioc.incident_opened', subject: incident.id, data: { title, agency: incident.agency, alertId: incident.alertId } });
      w.audit({ action: 'ioc.incident.open', targetType: 'incident', targetId: incident.id, details: { agency: incident.agency, alertId: incident.alertId } });
      return incident;
    });
    this.changed();
    return i;
  }

  /** Assigns to an agency, adds a note, or resolves; audited, one timeline line each. */
  async act(ctx: RequestContext, id: string, action: IncidentAction): Promise<Incident> {
    const by = ctx.actor?.name ?? 'system';
    const i = await this.uow.run(ctx, async (w) => {
      const found = await incidents.byId(w.tx, id, true);
      if (!found) throw iocError('IOC_INCIDENT_NOT_FOUND', `No incident ${id}`);
      const r = actOnIncident(found, action, by, w.now);
      if (!r.ok) throw iocError(r.code, r.message, undefined, { state: found.state });
      const line = r.value.notes.at(-1)!;
      await incidents.addNote(w.tx, id, line);
      await incidents.save(w.tx, r.value, w.now);
      const name = action.kind === 'assign' ? 'assigned' : action.kind === 'note' ? 'noted' : 'resolved';
      w.emit({ type: `ioc.incident_${name}`, subject: id, data: { agency: r.value.agency, state: r.value.state, seq: line.seq } });
      w.audit({ action: `ioc.incident.${action.kind}`, targetType: 'incident', targetId: id, details: { agency: r.value.agency, seq: line.seq } });
      return r.value;
    });
    this.changed();
    return i;
  }
}
