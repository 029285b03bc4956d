/** TypeBox schemas of the IOC's HTTP bodies and queries. */
import { Type } from 'typebox';
import { AGENCIES } from './model.ts';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** `:id` of an alert or incident. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
/** A KPI range. */
export const KpiQuery = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }, closed);
/** Which alerts to list. */
export const AlertsQuery = Type.Object({ state: Type.Optional(Type.Union([Type.Literal('unresolved'), Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')])) }, closed);
/** Assigning an alert to a user. */
export const AssignAlertBody = Type.Object({ assignee: Type.String({ minLength: 1, maxLength: 100, description: 'the username of the operator who takes the alert' }) }, closed);
/** Opening an incident, from an alert or by hand. */
export const OpenIncidentBody = Type.Object({
  title: Type.Optional(text(200)),
  agency: Type.Enum([...AGENCIES]),
  alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  note: Type.Optional(text(2000)),
}, closed);
/** Which incidents to list. */
export const IncidentsQuery = Type.Object({ state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])) }, closed);
/** Handing an incident to an agency. */
export const AssignIncidentBody = Type.Object({ agency: Type.Enum([...AGENCIES]), note: Type.Optional(text(2000)) }, closed);
/** A note on the incident's timeline. */
export const NoteBody = Type.Object({ text: text(2000) }, closed);
/** Resolving an incident. */
export const ResolveBody = Type.Object({ resolution: text(2000) }, closed);
