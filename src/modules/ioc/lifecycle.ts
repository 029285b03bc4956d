/**
 * Alert and incident transitions, pure. Each returns the next record, or the code of a refusal.
 *
 * ```mermaid
 * stateDiagram-v2
 *   [*] --> open: rule fires
 *   open --> open: assign / escalate (by hand or after escalateAfterMinutes)
 *   open --> acknowledged: acknowledge
 *   acknowledged --> acknowledged: assign / escalate
 *   open --> resolved: condition cleared / resolve
 *   acknowledged --> resolved: condition cleared / resolve
 * ```
 */
import type { Agency, Alert, Incident, IncidentNote } from './model.ts';
import type { IocErrorCode } from './errors.ts';

/** A transition's result. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: IocErrorCode; message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const refuse = <T>(code: IocErrorCode, message: string): Outcome<T> => ({ ok: false, code, message });

/** An action on an alert. */
export type AlertAction = { kind: 'acknowledge' } | { kind: 'assign'; assignee: string } | { kind: 'escalate' } | { kind: 'resolve' };

/** Applies an action to an alert. */
export function actOnAlert(a: Alert, action: AlertAction, by: string, now: Date): Outcome<Alert> {
  if (a.state === 'resolved') return refuse('IOC_ALERT_CLOSED', `Alert ${a.id} is resolved`);
  switch (action.kind) {
    case 'acknowledge':
      if (a.state === 'acknowledged') return refuse('IOC_ALERT_ALREADY_ACKNOWLEDGED', `Alert ${a.id} was acknowledged by ${a.acknowledgedBy ?? 'someone'}`);
      return ok({ ...a, state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by });
    case 'assign':
      return ok({ ...a, assignee: action.assignee });
    case 'escalate':
      return ok({ ...a, escalationLevel: a.escalationLevel + 1, escalatedAt: now });
    case 'resolve':
      return ok({ ...a, state: 'resolved', resolvedAt: now });
  }
}

/** A new incident with its first timeline line. */
export function openIncident(input: { id: string; title: string; agency: Agency; alertId: string | null; note: string | null }, by: string, now: Date): Incident {
  const first: IncidentNote = { seq: 1, at: now, author: by, kind: 'opened', text: input.note ?? input.title };
  return { id: input.id, title: input.title, agency: input.agency, state: 'open', alertId: input.alertId, openedBy: by, openedAt: now, resolvedAt: null, resolution: null, notes: [first] };
}

/** An action on an incident. */
export type IncidentAction = { kind: 'assign'; agency: Agency; note: string | null } | { kind: 'note'; text: string } | { kind: 'resolve'; resolution: string };

/** Applies an action; the new timeline line is the last note. */
export function actOnIncident(i: Incident, action: IncidentAction, by: string, now: Date): Outcome<Incident> {
  if (i.state === 'resolved') return refuse('IOC_INCIDENT_RESOLVED', `Incident ${i.id} is resolved`);
  const seq = (i.notes.at(-1)?.seq ?? 0) + 1;
  switch (action.kind) {
    case 'assign':
      return ok({ ...i, agency: action.agency, notes: [...i.notes, { seq, at: now, author: by, kind: 'assigned', text: action.note ? `${action.agency}: ${action.note}` : action.agency }] });
    case 'note':
      return ok({ ...i, notes: [...i.notes, { seq, at: now, author: by, kind: 'note', text: action.text }] });
    case 'resolve':
      return ok({ ...i, state: 'resolved', resolvedAt: now, resolution: action.resolution, notes: [...i.notes, { seq, at: now, author: by, kind: 'resolved', text: action.resolution }] });
  }
}
