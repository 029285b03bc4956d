import { typed, type Executor } from '../../../infra/db/index.ts';
import type { Agency, Incident, IncidentNote } from '../model.ts';
import type { IncidentRow, Tables } from './tables.ts';

const toIncident = (r: IncidentRow, notes: IncidentNote[]): Incident => ({
  id: r.id, title: r.title, agency: r.agency as Agency, state: r.state as Incident['state'], alertId: r.alert_id, openedBy: r.opened_by,
  openedAt: new Date(r.opened_at), resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null, resolution: r.resolution, notes,
});

/** Incidents and their notes timeline. */
export const incidents = {
  async insert(x: Executor, i: Incident, now: Date): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.incidents').values({
      id: i.id, title: i.title, agency: i.agency, state: i.state, alert_id: i.alertId, opened_by: i.openedBy, opened_at: i.openedAt,
      resolved_at: i.resolvedAt, resolution: i.resolution, updated_at: now,
    }).execute();
    for (const n of i.notes) await this.addNote(x, i.id, n);
  },
  async addNote(x: Executor, id: string, n: IncidentNote): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.incident_notes').values({ incident_id: id, seq: n.seq, at: n.at, author: n.author, kind: n.kind, text: n.text }).execute();
  },
  async save(x: Executor, i: Incident, now: Date): Promise<void> {
    await typed<Tables>(x).updateTable('ioc.incidents').set({ agency: i.agency, state: i.state, resolved_at: i.resolvedAt, resolution: i.resolution, updated_at: now }).where('id', '=', i.id).execute();
  },
  async byId(x: Executor, id: string, lock = false): Promise<Incident | null> {
    let q = typed<Tables>(x).selectFrom('ioc.incidents').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    if (!r) return null;
    const notes = await typed<Tables>(x).selectFrom('ioc.incident_notes').selectAll().where('incident_id', '=', id).orderBy('seq').execute();
    return toIncident(r, notes.map((n) => ({ seq: n.seq, at: new Date(n.at), author: n.author, kind: n.kind as IncidentNote['kind'], text: n.text })));
  },
  async list(x: Executor, state: 'open' | 'resolved' | null, limit: number): Promise<Incident[]> {
    let q = typed<Tables>(x).selectFrom('ioc.incidents').selectAll().orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(limit);
    if (state) q = q.where('state', '=', state);
    return (await q.execute()).map((r) => toIncident(r, []));
  },
};
