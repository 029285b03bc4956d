import type { Tx } from '../../infra/db/index.ts';
import type { NewEvent } from '../../infra/events/index.ts';
import type { AuditEntry } from '../../infra/audit/index.ts';
import { gateError } from './errors.ts';
import { decideJourney, type JourneyCommand } from './journey.ts';
import type { Journey } from './model.ts';
import { journeys } from './store/journeys.ts';
import { bookings } from './store/bookings.ts';
import { feeFor, receiptNumber } from './fees.ts';
import type { GateSettings } from './settings.ts';

/** Where a transition's writes go: a unit of work, or an event consumer's transaction. */
export interface JourneyWrite {
  tx: Tx;
  now: Date;
  emit(event: NewEvent): void;
  audit(entry: AuditEntry): void;
}

/** The device whose read moved a journey: named in the stage events, so the IOC sees it alive. */
export interface ReadingDevice {
  deviceId: string;
  kind: string;
}

/**
 * Decides a command on a loaded (locked) journey and writes the result: the journey, its events
 * and one audit record. Throws the refusal as a gate error carrying the journey's state. `by` is
 * who acted (a user's name, a device id, `customs`); `device` is set when a device read did.
 */
export async function applyJourney(w: JourneyWrite, j: Journey, cmd: JourneyCommand, by: string, device?: ReadingDevice): Promise<Journey> {
  const d = decideJourney(j, cmd, by, w.now);
  if (!d.ok) throw gateError(d.code, d.message, d.code === 'GATE_REASON_REQUIRED' ? [{ pointer: '/reason', code: 'FIELD_REQUIRED', message: d.message }] : undefined, { state: d.state });
  if (d.events.length === 0 && d.journey === j) return j;
  await journeys.update(w.tx, d.journey, w.now);
  if (j.state === 'expected' && d.journey.state !== 'expected') {
    const b = await bookings.byId(w.tx, j.bookingId);
    if (b && b.status === 'active') await bookings.update(w.tx, { ...b, status: d.journey.state === 'no_show' ? 'no_show' : d.journey.state === 'cancelled' ? 'cancelled' : 'used', updatedAt: w.now });
  }
  const source = device ? { deviceId: device.deviceId, deviceKind: device.kind } : {};
  for (const e of d.events) w.emit({ type: e.type, subject: j.id, data: { ...e.data, ...source } });
  const details: Record<string, unknown> = { from: j.state, to: d.journey.state };
  if (cmd.kind === 'override' || cmd.kind === 'cancel' || cmd.kind === 'customs_stop') details.reason = cmd.reason;
  if (cmd.kind === 'override' || cmd.kind === 'raise') details.exception = cmd.exception;
  w.audit({ action: `gate.journey.${cmd.kind}`, targetType: 'journey', targetId: j.id, details });
  return { ...d.journey, version: j.version + 1 };
}

/** Lets a truck into the yard: the infrastructure fee and its e-receipt number are assigned on the way in. */
export async function enterYard(w: JourneyWrite, j: Journey, settings: Pick<GateSettings, 'fees'>, by: string, device?: ReadingDevice): Promise<Journey> {
  const fee = j.fee ?? { ...feeFor(settings.fees, j.vehicleClass), receipt: receiptNumber(j.gate, w.now, await journeys.nextReceipt(w.tx)), paid: false };
  return applyJourney(w, { ...j, fee }, { kind: 'enter_yard' }, by, device);
}
