/** The IOC's settings: alert thresholds, escalation and timers (typed defaults; docs/ioc.md). */

/** Everything the IOC module is configured with. */
export interface IocSettings {
  /** Trucks waiting (arrived or in the yard) in one direction that raise `queue_threshold`. */
  queueThreshold: number;
  /** Yard occupancy (0–1) that raises `yard_full`. */
  yardFullRatio: number;
  /** A device seen before and silent this long raises `device_silent`. */
  deviceSilentMinutes: number;
  /** An open alert not acknowledged this long is escalated automatically, then again after as long. */
  escalateAfterMinutes: number;
  /** Escalation stops at this level (1 = shift lead, 2 = duty manager, 3 = head of site). */
  maxEscalationLevel: number;
  /** Relative gap between measured and forecast vehicles/h that raises `kpi_drift` (0.3 = 30 %). */
  forecastDriftRatio: number;
  /** No drift alert when the forecast expects fewer vehicles/h than this (too few to compare). */
  forecastMinVehicles: number;
  /** A truck arriving within this many minutes of its slot start is on time (slot adherence). */
  slotOnTimeMinutes: number;
  /** How often the timer rules (silence, escalation, drift) run, in wall-clock seconds. */
  tickSeconds: number;
  /** How long pushes to browsers wait to coalesce a burst of events, in ms. */
  pushCoalesceMs: number;
}

/** Defaults used unless the composition root overrides them. */
export function defaultIocSettings(): IocSettings {
  return {
    queueThreshold: 30,
    yardFullRatio: 0.9,
    deviceSilentMinutes: 10,
    escalateAfterMinutes: 5,
    maxEscalationLevel: 3,
    forecastDriftRatio: 0.3,
    forecastMinVehicles: 10,
    slotOnTimeMinutes: 30,
    tickSeconds: 15,
    pushCoalesceMs: 100,
  };
}
