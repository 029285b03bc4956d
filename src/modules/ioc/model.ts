/**
 * The IOC's domain types: alerts with their lifecycle, incidents, the site picture and the KPIs.
 * Rules live in rules.ts, KPI arithmetic in kpis.ts; both are pure.
 */

/** How urgent an alert is. */
export type Severity = 'info' | 'warning' | 'critical';
/** The rules that raise alerts (docs/ioc.md). */
export const ALERT_RULES = ['queue_threshold', 'yard_full', 'device_silent', 'barrier_unconfirmed', 'exchange_dead_letter', 'red_truck_arrived', 'kpi_drift', 'ledger_fork'] as const;
/** A rule name. */
export type AlertRule = (typeof ALERT_RULES)[number];
/** Where an alert is in its life. */
export type AlertState = 'open' | 'acknowledged' | 'resolved';

/** What a rule asks to raise. */
export interface AlertCandidate {
  rule: AlertRule;
  severity: Severity;
  /** What the alert is about: a direction, a device, a journey, a message id. */
  subject: string;
  message: string;
  data: Record<string, unknown>;
}

/** A raised alert. */
export interface Alert extends AlertCandidate {
  id: string;
  state: AlertState;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  assignee: string | null;
  /** 0 until escalated; each escalation (automatic or by hand) adds one. */
  escalationLevel: number;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
}

/** Who works in the operations centre: the roles that act on alerts and incidents, and may be assigned alerts. */
export const IOC_ROLES = ['ioc_operator', 'admin', 'customs_supervisor'] as const;

/** The agencies an incident can be handed to (the inter-agency hotline). */
export const AGENCIES = ['customs', 'border_guard', 'quarantine', 'gate_operator', 'partner_side'] as const;
/** An agency. */
export type Agency = (typeof AGENCIES)[number];

/** One line of an incident's timeline. */
export interface IncidentNote {
  seq: number;
  at: Date;
  author: string;
  kind: 'opened' | 'note' | 'assigned' | 'resolved';
  text: string;
}

/** An incident: opened from an alert or by hand, handed to an agency, worked in notes, resolved. */
export interface Incident {
  id: string;
  title: string;
  agency: Agency;
  state: 'open' | 'resolved';
  alertId: string | null;
  openedBy: string;
  openedAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  notes: IncidentNote[];
}

/** Directions of traffic (as the gate names them). */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** A direction. */
export type Direction = (typeof DIRECTIONS)[number];

/** Journey stages that are still on site; a truck leaves the picture at a final stage. */
export const ON_SITE_STAGES = ['arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'] as const;
/** Stages that count as waiting in the queue (at the outer gate or in the yard before the call). */
export const QUEUE_STAGES = ['arrived', 'in_yard'] as const;
/** Stages that occupy the yard (the gate's own yard count). */
export const YARD_STAGES = ['in_yard', 'called_forward'] as const;
/** Final stages. */
export const FINAL_STAGES = ['exited', 'handed_to_agv', 'cancelled', 'no_show'] as const;

/** The site's lanes as configured at the gate. */
export interface SiteLane {
  direction: string;
  laneClass: string;
  lanes: number;
  trucksPerHourPerLane: number;
}

/** The site the IOC watches: from the gate's settings, given by the composition root. */
export interface IocSite {
  gate: string;
  lanes: SiteLane[];
  yardCapacity: number;
}

/** The twin's (or any) forecast: vehicles expected in the hour containing `at`, or null when unknown. */
export interface ForecastProvider {
  expectedVehiclesPerHour(at: Date): number | null | Promise<number | null>;
}
