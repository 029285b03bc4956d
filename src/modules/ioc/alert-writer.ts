import type { AuditEntry } from '../../infra/audit/index.ts';
import type { Tx } from '../../infra/db/index.ts';
import type { NewEvent } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Alert, AlertCandidate } from './model.ts';
import type { ConditionOutcome } from './rules.ts';
import { alerts } from './store/alerts.ts';

/** The part of a unit of work the alert writer needs (a service's `Write` or a consumer's). */
export interface AlertWrite {
  tx: Tx;
  now: Date;
  emit(event: NewEvent): void;
  audit(entry: AuditEntry): void;
}

/** The public shape of an alert in events, HTTP answers and WebSocket messages. */
export function presentAlert(a: Alert) {
  return {
    id: a.id, rule: a.rule, severity: a.severity, subject: a.subject, message: a.message, state: a.state, data: a.data,
    raisedAt: a.raisedAt.toISOString(), acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: a.acknowledgedBy,
    assignee: a.assignee, escalationLevel: a.escalationLevel, escalatedAt: a.escalatedAt?.toISOString() ?? null, resolvedAt: a.resolvedAt?.toISOString() ?? null,
  };
}

/** Raises an alert unless one for its rule and subject is unresolved; audited, with `ioc.alert_raised`. */
export async function raiseAlert(w: AlertWrite, ids: IdGenerator, c: AlertCandidate): Promise<Alert | null> {
  const a = await alerts.raise(w.tx, ids.next('alr'), c, w.now);
  if (!a) return null;
  w.emit({ type: 'ioc.alert_raised', subject: a.id, data: { rule: a.rule, severity: a.severity, subject: a.subject, message: a.message } });
  w.audit({ action: 'ioc.alert.raise', targetType: 'alert', targetId: a.id, details: { rule: a.rule, severity: a.severity, subject: a.subject } });
  return a;
}

const PAST = { acknowledge: 'acknowledged', assign: 'assigned', escalate: 'escalated', resolve: 'resolved' } as const;

/** Stores an alert after an action and records it (event `ioc.alert_<done>`, audit `ioc.alert.<action>`). */
export async function recordAlertAction(w: AlertWrite, a: Alert, action: keyof typeof PAST, details: Record<string, unknown>): Promise<void> {
  await alerts.save(w.tx, a, w.now);
  noteAlertAction(w, a, action, details);
}

function noteAlertAction(w: AlertWrite, a: Alert, action: keyof typeof PAST, details: Record<string, unknown>): void {
  w.emit({ type: `ioc.alert_${PAST[action]}`, subject: a.id, data: { rule: a.rule, subject: a.subject, state: a.state, escalationLevel: a.escalationLevel, assignee: a.assignee, ...details } });
  w.audit({ action: `ioc.alert.${action}`, targetType: 'alert', targetId: a.id, details: { rule: a.rule, subject: a.subject, ...details } });
}

/** Applies a condition rule's outcome: raises new alerts, resolves those whose condition cleared. Returns how many changed. */
export async function applyConditions(w: AlertWrite, ids: IdGenerator, o: ConditionOutcome): Promise<number> {
  let changed = 0;
  for (const c of o.raise) if (await raiseAlert(w, ids, c)) changed++;
  for (const resolved of await alerts.resolveUnresolved(w.tx, o.clear, w.now)) {
    noteAlertAction(w, resolved, 'resolve', { automatic: true });
    changed++;
  }
  return changed;
}
