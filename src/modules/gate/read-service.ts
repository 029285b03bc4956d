import type { KeyObject } from 'node:crypto';
import type { RequestContext } from '../../infra/auth/index.ts';
import type { Db, Executor } from '../../infra/db/index.ts';
import type { UnitOfWork, Write } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { gateError } from './errors.ts';
import { feeFor, receiptNumber } from './fees.ts';
import { resolveContainerRead } from './iso6346.ts';
import { applyJourney } from './journey-writer.ts';
import { DEFAULT_MATCH_POLICY, matchPlate, type PlateMatch } from './matcher.ts';
import { openExceptions, type Journey, type JourneyState } from './model.ts';
import { verifyPass } from './pass.ts';
import { deletionKeys, indexIsExact } from './plate-index.ts';
import type { BarrierCommandSink, DeviceIdentity } from './ports.ts';
import { READ_SOURCES, readValue, type DeviceRead, type Reason, type ReadResult } from './reads.ts';
import type { GateSettings } from './settings.ts';
import { journeys } from './store/journeys.ts';
import { reads, referrals } from './store/reads.ts';

const CANDIDATE_STATES: Record<'entry' | 'weighbridge' | 'exit', JourneyState[]> = {
  entry: ['expected', 'arrived'],
  weighbridge: ['called_forward'],
  exit: ['in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'],
};

type Outcome = Omit<ReadResult, 'readId' | 'duplicate' | 'decision'> & { decision: { action: 'open' | 'hold'; reasons: Reason[] } | null };

/** Device reads: validated and authenticated at the edge, matched, decided, answered and commanded. */
export class ReadService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly settings: GateSettings,
    private readonly passKey: KeyObject,
    private readonly barriers: BarrierCommandSink,
    private readonly log: Logger,
  ) {}

  /** Records that an unknown or unauthenticated device tried to send a read (the alert). */
  async refuseDevice(ctx: RequestContext, deviceId: string | null, reason: string): Promise<void> {
    await this.uow.run(ctx, async (w) => {
      w.emit({ type: 'gate.device_refused', subject: deviceId ?? 'unknown', data: { deviceId, reason, sourceIp: ctx.sourceIp } });
      w.audit({ action: 'gate.device_refused', targetType: 'device', targetId: deviceId ?? 'unknown', outcome: 'denied', details: { reason } });
    });
  }

  /** Handles one read from an authenticated device; the same read again answers the first answer. */
  async handle(ctx: RequestContext, device: DeviceIdentity, read: DeviceRead): Promise<ReadResult> {
    if (!READ_SOURCES[read.type].includes(device.kind)) throw gateError('GATE_DEVICE_KIND_UNSUPPORTED', `A ${device.kind} cannot send ${read.type} reads`);
    const value = readValue(read);
    const since = new Date(read.at.getTime() - this.settings.duplicateReadSeconds * 1000);
    const earlier = await reads.duplicate(this.db, device.deviceId, read.readId, value, since);
    if (earlier) return { ...(earlier as ReadResult), duplicate: true };
    const { result, fresh } = await this.uow.run(ctx, async (w) => {
      const o = await this.decide(w, device, read);
      const decision = o.decision && device.kind === 'barrier' ? { ...o.decision, commandId: this.ids.next('cmd') } : null;
      const result: ReadResult = { ...o, readId: read.readId, duplicate: false, decision };
      const fresh = await reads.record(w.tx, { deviceId: device.deviceId, readId: read.readId, kind: read.type, value, at: read.at, receivedAt: w.now, result });
      if (!fresh) return { result: (await reads.duplicate(w.tx, device.deviceId, read.readId, value, since)) as ReadResult, fresh };
      if (decision) {
        w.emit({ type: 'gate.barrier_decided', subject: device.deviceId, data: { deviceId: device.deviceId, readId: read.readId, journeyId: o.journeyId, ...decision } });
      }
      w.audit({ action: `gate.read.${read.type}`, targetType: 'device', targetId: device.deviceId, details: { readId: read.readId, outcome: o.outcome, journeyId: o.journeyId, action: decision?.action ?? null } });
      return { result, fresh };
    });
    if (!fresh) return { ...result, duplicate: true };
    if (result.decision) {
      await this.barriers(device.deviceId, device.kind, { commandId: result.decision.commandId, readId: read.readId, action: result.decision.action, journeyId: result.journeyId, reasons: result.decision.reasons, at: read.at.toISOString() })
        .catch((err: unknown) => this.log.error({ err, deviceId: device.deviceId }, 'barrier command not delivered'));
    }
    return result;
  }

  private async decide(w: Write, device: DeviceIdentity, read: DeviceRead): Promise<Outcome> {
    switch (read.type) {
      case 'plate': return this.plate(w, device, read);
      case 'weight': {
        const m = await this.match(w.tx, read.plate, 0.9, CANDIDATE_STATES.weighbridge);
        if (m.kind !== 'matched') return this.refer(w, device, read.readId, read.plate, m, null);
        const j = await applyJourney(w, (await journeys.byId(w.tx, m.id, true))!, { kind: 'weigh', grossKg: read.grossKg }, device.deviceId);
        return { outcome: 'matched', journeyId: j.id, decision: null, detail: { state: j.state, exceptions: openExceptions(j).map((e) => e.kind) } };
      }
      case 'container': {
        const r = resolveContainerRead(read.container);
        if (r.kind === 'valid') return { outcome: 'recorded', journeyId: null, decision: null, detail: { container: r.number, corrected: r.corrected } };
        await referrals.insert(w.tx, { id: this.ids.next('ref'), deviceId: device.deviceId, readId: read.readId, reason: `container_${r.kind}`, value: read.container, candidates: r.kind === 'ambiguous' ? r.candidates : [], at: w.now });
        return { outcome: 'referred', journeyId: null, decision: null, detail: r.kind === 'ambiguous' ? { candidates: r.candidates } : { reason: r.reason } };
      }
      case 'qr': {
        const check = verifyPass(read.token, this.passKey, { plate: read.plate, driverDocument: read.driverDocument ?? undefined, now: w.now });
        if (!check.ok) {
          w.emit({ type: 'gate.pass_refused', subject: device.deviceId, data: { deviceId: device.deviceId, readId: read.readId, plate: read.plate, reason: check.reason } });
          return { outcome: 'refused', journeyId: null, decision: { action: 'hold', reasons: [{ code: `PASS_${check.reason.toUpperCase()}`, message: `The pass is refused: ${check.reason.replace('_', ' ')}` }] }, detail: { reason: check.reason } };
        }
        const j = await journeys.byBooking(w.tx, check.claims.bookingId);
        return { outcome: 'matched', journeyId: j?.id ?? null, decision: null, detail: { bookingId: check.claims.bookingId, state: j?.state ?? null } };
      }
      case 'barrier-state':
        w.emit({ type: 'gate.barrier_state', subject: device.deviceId, data: { deviceId: device.deviceId, state: read.state, commandId: read.commandId } });
        return { outcome: 'recorded', journeyId: null, decision: null, detail: { state: read.state } };
    }
  }

  private async plate(w: Write, device: DeviceIdentity, read: Extract<DeviceRead, { type: 'plate' }>): Promise<Outcome> {
    const m = await this.match(w.tx, read.plate, read.confidence, CANDIDATE_STATES[read.position]);
    const barrier = device.kind === 'barrier';
    if (m.kind !== 'matched') {
      return this.refer(w, device, read.readId, read.plate, m, barrier ? { action: 'hold', reasons: [{ code: m.reason === 'ambiguous' ? 'PLATE_AMBIGUOUS' : 'PLATE_NOT_EXPECTED', message: m.reason === 'ambiguous' ? 'The plate read fits more than one truck: an officer decides' : 'No booked truck matches this plate' }] } : null);
    }
    let j = (await journeys.byId(w.tx, m.id, true))!;
    const match = { plate: m.plate, distance: m.distance, confidence: m.confidence, margin: m.margin };
    if (read.position === 'entry') {
      if (j.state === 'expected') j = await applyJourney(w, j, { kind: 'arrive', plateRead: read.plate }, device.deviceId);
      if (!barrier) return { outcome: 'matched', journeyId: j.id, decision: null, detail: { match, state: j.state } };
      if ((await journeys.countInStates(w.tx, ['in_yard', 'called_forward'], this.settings.gate)) >= this.settings.yardCapacity) {
        w.emit({ type: 'gate.yard_full', subject: j.id, data: { journeyId: j.id, capacity: this.settings.yardCapacity } });
        return { outcome: 'matched', journeyId: j.id, decision: { action: 'hold', reasons: [{ code: 'YARD_FULL', message: 'The yard is full; wait for the call' }] }, detail: { match } };
      }
      const fee = { ...feeFor(this.settings.fees, j.vehicleClass), receipt: receiptNumber(j.gate, w.now, await journeys.nextReceipt(w.tx)), paid: false };
      j = await applyJourney(w, { ...j, fee: j.fee ?? fee }, { kind: 'enter_yard' }, device.deviceId);
      return { outcome: 'matched', journeyId: j.id, decision: { action: 'open', reasons: [{ code: 'BOOKED', message: `Booked slot ${j.slotStart.toISOString()}` }] }, detail: { match, state: j.state, fee: j.fee } };
    }
    if (read.position === 'exit') {
      const reasons = exitHoldReasons(j);
      if (reasons.length > 0 || !barrier) return { outcome: 'matched', journeyId: j.id, decision: barrier ? { action: 'hold', reasons } : null, detail: { match, state: j.state } };
      j = await applyJourney(w, j, { kind: j.laneClass === 'agv' ? 'hand_to_agv' : 'exit' }, device.deviceId);
      return { outcome: 'matched', journeyId: j.id, decision: { action: 'open', reasons: [{ code: 'CLEARED', message: 'Released by customs and checked by the border guard' }] }, detail: { match, state: j.state } };
    }
    return { outcome: 'matched', journeyId: j.id, decision: null, detail: { match, state: j.state } };
  }

  private async refer(w: Write, device: DeviceIdentity, readId: string, value: string, m: Exclude<PlateMatch, { kind: 'matched' }>, decision: Outcome['decision']): Promise<Outcome> {
    const id = this.ids.next('ref');
    await referrals.insert(w.tx, { id, deviceId: device.deviceId, readId, reason: m.reason, value, candidates: m.candidates, at: w.now });
    w.emit({ type: 'gate.read_referred', subject: id, data: { referralId: id, deviceId: device.deviceId, readId, read: value, reason: m.reason, candidates: m.candidates } });
    return { outcome: 'referred', journeyId: null, decision, detail: { referralId: id, reason: m.reason, candidates: m.candidates } };
  }

  /** The matcher over the journeys in `states`, found through the plate-key index. */
  private async match(x: Executor, read: string, confidence: number, states: JourneyState[]): Promise<PlateMatch> {
    const near = await journeys.candidates(x, deletionKeys(read), states, this.settings.gate);
    const m = matchPlate(read, confidence, near);
    const best = m.kind === 'matched' ? m.distance : m.candidates[0]?.distance;
    if (best !== undefined && best <= DEFAULT_MATCH_POLICY.maxDistance && !indexIsExact(best, DEFAULT_MATCH_POLICY)) {
      return matchPlate(read, confidence, await journeys.allPlates(x, states, this.settings.gate));
    }
    return m;
  }
}

/** Why the exit barrier stays closed for a journey (empty: it may open). */
export function exitHoldReasons(j: Journey): Reason[] {
  const reasons: Reason[] = openExceptions(j).map((e) => ({ code: e.kind.toUpperCase(), message: e.detail }));
  if (!j.customsReleasedAt) reasons.push({ code: 'DECLARATION_NOT_RELEASED', message: 'Customs has not released the declaration' });
  else if (j.state !== 'border_checked' && j.state !== 'released') reasons.push({ code: 'CHECKS_NOT_DONE', message: `The truck is ${j.state}: weighing${j.scanSelected ? ' and scanning' : ''} first` });
  if (j.state === 'released') reasons.push({ code: 'BORDER_CHECK_PENDING', message: 'The border guard has not checked the truck' });
  return reasons;
}
