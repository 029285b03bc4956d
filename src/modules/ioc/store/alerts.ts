import { typed, type Executor } from '../../../infra/db/index.ts';
import type { Alert, AlertCandidate, AlertRule, AlertState, Severity } from '../model.ts';
import type { AlertRow, Tables } from './tables.ts';

const toAlert = (r: AlertRow): Alert => ({
  id: r.id, rule: r.rule as AlertRule, severity: r.severity as Severity, subject: r.subject, message: r.message, state: r.state as AlertState,
  data: r.data as Record<string, unknown>, raisedAt: new Date(r.raised_at), acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
  acknowledgedBy: r.acknowledged_by, assignee: r.assignee, escalationLevel: r.escalation_level, escalatedAt: r.escalated_at ? new Date(r.escalated_at) : null,
  resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
});

/** Alerts: one unresolved alert per rule and subject. */
export const alerts = {
  /** Inserts the alert unless one for its rule and subject is unresolved; returns it when inserted. */
  async raise(x: Executor, id: string, c: AlertCandidate, now: Date): Promise<Alert | null> {
    const row = await typed<Tables>(x).insertInto('ioc.alerts').values({
      id, rule: c.rule, severity: c.severity, subject: c.subject, message: c.message, state: 'open', data: JSON.stringify(c.data), raised_at: now,
      acknowledged_at: null, acknowledged_by: null, assignee: null, escalation_level: 0, escalated_at: null, resolved_at: null, updated_at: now,
    }).onConflict((oc) => oc.columns(['rule', 'subject']).where('state', '<>', 'resolved').doNothing()).returningAll().executeTakeFirst();
    return row ? toAlert(row) : null;
  },
  async byId(x: Executor, id: string, lock = false): Promise<Alert | null> {
    let q = typed<Tables>(x).selectFrom('ioc.alerts').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toAlert(r) : null;
  },
  /** Resolves the unresolved alerts of these rules and subjects in one statement; answers those it resolved. */
  async resolveUnresolved(x: Executor, keys: ReadonlyArray<{ rule: AlertRule; subject: string }>, now: Date): Promise<Alert[]> {
    if (keys.length === 0) return [];
    const rows = await typed<Tables>(x).updateTable('ioc.alerts').set({ state: 'resolved', resolved_at: now, updated_at: now })
      .where('state', '<>', 'resolved')
      .where((eb) => eb.or(keys.map((k) => eb.and([eb('rule', '=', k.rule), eb('subject', '=', k.subject)]))))
      .returningAll().execute();
    return rows.map(toAlert);
  },
  async save(x: Executor, a: Alert, now: Date): Promise<void> {
    await typed<Tables>(x).updateTable('ioc.alerts').set({
      state: a.state, acknowledged_at: a.acknowledgedAt, acknowledged_by: a.acknowledgedBy, assignee: a.assignee, escalation_level: a.escalationLevel,
      escalated_at: a.escalatedAt, resolved_at: a.resolvedAt, updated_at: now,
    }).where('id', '=', a.id).execute();
  },
  /** Unresolved alerts, most severe first, then newest. */
  async unresolved(x: Executor, limit = 200): Promise<Alert[]> {
    const rows = await typed<Tables>(x).selectFrom('ioc.alerts').selectAll().where('state', '<>', 'resolved').orderBy('raised_at', 'desc').limit(limit).execute();
    const rank: Record<string, number> = { critical: 0, warning: 1, info: 2 };
    return rows.map(toAlert).sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || b.raisedAt.getTime() - a.raisedAt.getTime());
  },
  async recent(x: Executor, state: AlertState | null, limit: number): Promise<Alert[]> {
    let q = typed<Tables>(x).selectFrom('ioc.alerts').selectAll().orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(limit);
    if (state) q = q.where('state', '=', state);
    return (await q.execute()).map(toAlert);
  },
};
