import type { KeyObject } from 'node:crypto';
import type { RequestContext } from '../../infra/auth/index.ts';
import type { Db, Executor } from '../../infra/db/index.ts';
import type { UnitOfWork, Write } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { gateError } from './errors.ts';
import { resolveContainerRead } from './iso6346.ts';
import { applyJourney, enterYard } from './journey-writer.ts';
import { DEFAULT_MATCH_POLICY, matchPlate, type PlateMatch } from './matcher.ts';
import { openExceptions, type Journey, type JourneyState } from './model.ts';
import { verifyPass } from './pass.ts';
import { deletionKeys, indexIsExact } from './plate-index.ts';
import type { BarrierCommand, BarrierCommandSink, DeviceIdentity } from './ports.ts';
import { containerMismatch, slotWindowProblem } from './entry-checks.ts';
import { barrierCommands } from './store/barriers.ts';
import type { LivePlateIndex } from './live-index.ts';
import { READ_SOURCES, readValue, type DeviceRead, type Reason, type ReadResult } from './reads.ts';
import type { GateSettings } from './settings.ts';
import { journeys } from './store/journeys.ts';
import { reads, referrals } from './store/reads.ts';

const CANDIDATE_STATES: Record<'entry' | 'weighbridge' | 'exit' | 'yard', JourneyState[]> = {
  entry: ['expected', 'arrived'],
  weighbridge: ['called_forward'],
  exit: ['in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'],
  yard: ['arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'],
};

/** Thrown inside the unit of work to roll back the decision of a read a concurrent copy already recorded. */
class DuplicateRead extends Error {}

// `journey` is the journey as the read left it (for the in-memory index), never part of the answer.
type Outcome = Omit<ReadResult, 'readId' | 'duplicate' | 'decision'> & { decision: { action: 'open' | 'hold'; reasons: Reason[] } | null; journey?: Journey };

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
    /** The in-memory plate index; null matches through the database's plate keys. */
    private readonly index: LivePlateIndex | null = null,
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
    // Refreshed outside the transaction: PGlite's one connection is held by it.
    if (this.index && read.type !== 'qr' && read.type !== 'barrier-state') await this.index.refreshIfStale();
    let touched: Journey | undefined;
    let result: ReadResult;
    try {
      result = await this.uow.run(ctx, async (w) => {
        const { journey, ...o } = await this.decide(w, device, read);
        touched = journey;
        const decision = o.decision && device.kind === 'barrier' ? { ...o.decision, commandId: this.ids.next('cmd') } : null;
        const r: ReadResult = { ...o, readId: read.readId, duplicate: false, decision };
        // A concurrent copy of this read got there first: roll this decision back, answer the first.
        if (!(await reads.record(w.tx, { deviceId: device.deviceId, readId: read.readId, kind: read.type, value, at: read.at, receivedAt: w.now, result: r }))) throw new DuplicateRead();
        if (decision) {
          w.emit({ type: 'gate.barrier_decided', subject: device.deviceId, data: { deviceId: device.deviceId, readId: read.readId, journeyId: o.journeyId, ...decision } });
          if (decision.action === 'open') await this.awaitConfirmation(w, device, decision.commandId, o.journeyId, read.readId);
        }
        w.audit({ action: `gate.read.${read.type}`, targetType: 'device', targetId: device.deviceId, details: { readId: read.readId, outcome: o.outcome, journeyId: o.journeyId, action: decision?.action ?? null } });
        return r;
      });
    } catch (err) {
      if (!(err instanceof DuplicateRead)) throw err;
      return { ...((await reads.duplicate(this.db, device.deviceId, read.readId, value, since)) as ReadResult), duplicate: true };
    }
    if (touched) this.index?.upsert(touched);
    if (result.decision) await this.command(device.deviceId, device.kind, { commandId: result.decision.commandId, readId: read.readId, action: result.decision.action, journeyId: result.journeyId, reasons: result.decision.reasons, at: read.at.toISOString() });
    return result;
  }

  /** Publishes a barrier command; a lost publish is caught by the confirmation timeout. */
  async command(deviceId: string, kind: string, cmd: BarrierCommand): Promise<void> {
    await this.barriers(deviceId, kind, cmd).catch((err: unknown) => this.log.error({ err, deviceId }, 'barrier command not delivered'));
  }

  /** Files an `open` command as pending until the barrier confirms it (BarrierWatch alerts otherwise). */
  async awaitConfirmation(w: Write, device: { deviceId: string; kind: string }, commandId: string, journeyId: string | null, readId: string): Promise<void> {
    await barrierCommands.insert(w.tx, {
      commandId, deviceId: device.deviceId, deviceKind: device.kind, action: 'open', journeyId, readId, issuedAt: w.now,
      deadlineAt: new Date(w.now.getTime() + this.settings.barrierConfirmSeconds * 1000),
    });
  }

  private async decide(w: Write, device: DeviceIdentity, read: DeviceRead): Promise<Outcome> {
    switch (read.type) {
      case 'plate': return this.plate(w, device, read);
      case 'weight': {
        const { m, j: found } = await this.find(w.tx, read.plate, 0.9, CANDIDATE_STATES.weighbridge);
        if (m.kind !== 'matched') return this.refer(w, device, read.readId, read.plate, m, null);
        const j = await applyJourney(w, found!, { kind: 'weigh', grossKg: read.grossKg }, device.deviceId, device);
        return { outcome: 'matched', journeyId: j.id, journey: j, decision: null, detail: { state: j.state, exceptions: openExceptions(j).map((e) => e.kind) } };
      }
      case 'container': return this.container(w, device, read);
      case 'qr': {
        const check = verifyPass(read.token, this.passKey, { plate: read.plate, driverDocument: read.driverDocument ?? undefined, now: w.now });
        if (!check.ok) {
          w.emit({ type: 'gate.pass_refused', subject: device.deviceId, data: { deviceId: device.deviceId, readId: read.readId, plate: read.plate, reason: check.reason } });
          return { outcome: 'refused', journeyId: null, decision: { action: 'hold', reasons: [{ code: `PASS_${check.reason.toUpperCase()}`, message: `The pass is refused: ${check.reason.replace('_', ' ')}` }] }, detail: { reason: check.reason } };
        }
        const j = await journeys.byBooking(w.tx, check.claims.bookingId);
        return { outcome: 'matched', journeyId: j?.id ?? null, decision: null, detail: { bookingId: check.claims.bookingId, state: j?.state ?? null } };
      }
      case 'barrier-state': {
        w.emit({ type: 'gate.barrier_state', subject: device.deviceId, data: { deviceId: device.deviceId, state: read.state, commandId: read.commandId } });
        // Only an `open` state confirms an open command; a fault is left to the timeout's alert.
        const confirmed = read.commandId && read.state === 'open' ? await barrierCommands.confirm(w.tx, device.deviceId, read.commandId, read.state, w.now) : null;
        return { outcome: 'recorded', journeyId: null, decision: null, detail: { state: read.state, confirmed: confirmed !== null, ...(confirmed?.late ? { late: true } : {}) } };
      }
      case 'seal': return this.seal(w, device, read);
    }
  }

  private async plate(w: Write, device: DeviceIdentity, read: Extract<DeviceRead, { type: 'plate' }>): Promise<Outcome> {
    const { m, j: found } = await this.find(w.tx, read.plate, read.confidence, CANDIDATE_STATES[read.position]);
    const barrier = device.kind === 'barrier';
    if (m.kind !== 'matched') {
      return this.refer(w, device, read.readId, read.plate, m, barrier ? { action: 'hold', reasons: [{ code: m.reason === 'ambiguous' ? 'PLATE_AMBIGUOUS' : 'PLATE_NOT_EXPECTED', message: m.reason === 'ambiguous' ? 'The plate read fits more than one truck: an officer decides' : 'No booked truck matches this plate' }] } : null);
    }
    let j = found!;
    const match = { plate: m.plate, distance: m.distance, confidence: m.confidence, margin: m.margin };
    if (read.position === 'entry') {
      if (j.state === 'expected') j = await applyJourney(w, j, { kind: 'arrive', plateRead: read.plate }, device.deviceId, device);
      if (!barrier) return { outcome: 'matched', journeyId: j.id, journey: j, decision: null, detail: { match, state: j.state } };
      const outside = slotWindowProblem(j.slotStart, w.now, this.settings);
      const admitted = j.exceptions.some((e) => e.kind === 'slot_window' && e.resolution?.override);
      const held = openExceptions(j).some((e) => e.kind === 'slot_window');
      if (outside && !admitted) {
        if (!held) j = await applyJourney(w, j, { kind: 'raise', exception: 'slot_window', detail: outside.message }, device.deviceId, device);
        return { outcome: 'matched', journeyId: j.id, journey: j, decision: { action: 'hold', reasons: [{ code: outside.code, message: outside.message }] }, detail: { match, state: j.state } };
      }
      if (held) j = await applyJourney(w, j, { kind: 'resolve', exception: 'slot_window', reason: 'arrived again within the slot window' }, device.deviceId, device);
      if ((await journeys.countInStates(w.tx, ['in_yard', 'called_forward'], this.settings.gate)) >= this.settings.yardCapacity) {
        w.emit({ type: 'gate.yard_full', subject: j.id, data: { journeyId: j.id, capacity: this.settings.yardCapacity } });
        return { outcome: 'matched', journeyId: j.id, journey: j, decision: { action: 'hold', reasons: [{ code: 'YARD_FULL', message: 'The yard is full; wait for the call' }] }, detail: { match } };
      }
      j = await enterYard(w, j, this.settings, device.deviceId, device);
      return { outcome: 'matched', journeyId: j.id, journey: j, decision: { action: 'open', reasons: [{ code: 'BOOKED', message: `Booked slot ${j.slotStart.toISOString()}` }] }, detail: { match, state: j.state, fee: j.fee } };
    }
    if (read.position === 'exit') {
      const reasons = exitHoldReasons(j);
      if (reasons.length > 0 || !barrier) return { outcome: 'matched', journeyId: j.id, journey: j, decision: barrier ? { action: 'hold', reasons } : null, detail: { match, state: j.state } };
      j = await applyJourney(w, j, { kind: j.laneClass === 'agv' ? 'hand_to_agv' : 'exit' }, device.deviceId, device);
      return { outcome: 'matched', journeyId: j.id, journey: j, decision: { action: 'open', reasons: [{ code: 'CLEARED', message: 'Released by customs and checked by the border guard' }] }, detail: { match, state: j.state } };
    }
    return { outcome: 'matched', journeyId: j.id, journey: j, decision: null, detail: { match, state: j.state } };
  }

  private async container(w: Write, device: DeviceIdentity, read: Extract<DeviceRead, { type: 'container' }>): Promise<Outcome> {
    let j = read.plate ? (await this.find(w.tx, read.plate, read.confidence, CANDIDATE_STATES.yard)).j : null;
    const r = resolveContainerRead(read.container, j?.containers ?? []);
    if (r.kind !== 'valid') {
      await referrals.insert(w.tx, { id: this.ids.next('ref'), deviceId: device.deviceId, readId: read.readId, reason: `container_${r.kind}`, value: read.container, candidates: r.kind === 'ambiguous' ? r.candidates : [], at: w.now });
      return { outcome: 'referred', journeyId: j?.id ?? null, decision: null, detail: r.kind === 'ambiguous' ? { candidates: r.candidates } : { reason: r.reason } };
    }
    if (!j) return { outcome: 'recorded', journeyId: null, decision: null, detail: { container: r.number, corrected: r.corrected } };
    const mismatch = containerMismatch(r.number, j.containers);
    if (mismatch) j = await applyJourney(w, j, { kind: 'raise', exception: 'container_mismatch', detail: mismatch }, device.deviceId, device);
    return { outcome: 'matched', journeyId: j.id, journey: j, decision: null, detail: { container: r.number, corrected: r.corrected, declared: !mismatch, exceptions: openExceptions(j).map((e) => e.kind) } };
  }

  private async seal(w: Write, device: DeviceIdentity, read: Extract<DeviceRead, { type: 'seal' }>): Promise<Outcome> {
    const { m, j: found } = await this.find(w.tx, read.plate, 0.9, CANDIDATE_STATES.yard);
    if (m.kind !== 'matched') return this.refer(w, device, read.readId, read.plate, m, null);
    let j = found!;
    if (read.status !== 'intact') {
      const detail = `seal ${read.seal}${read.container ? ` on ${read.container}` : ''} reported ${read.status} by ${device.deviceId}`;
      j = await applyJourney(w, j, { kind: 'raise', exception: 'seal_problem', detail }, device.deviceId, device);
    }
    return { outcome: 'matched', journeyId: j.id, journey: j, decision: null, detail: { seal: read.seal, status: read.status, exceptions: openExceptions(j).map((e) => e.kind) } };
  }

  private async refer(w: Write, device: DeviceIdentity, readId: string, value: string, m: Exclude<PlateMatch, { kind: 'matched' }>, decision: Outcome['decision']): Promise<Outcome> {
    const id = this.ids.next('ref');
    await referrals.insert(w.tx, { id, deviceId: device.deviceId, readId, reason: m.reason, value, candidates: m.candidates, at: w.now });
    w.emit({ type: 'gate.read_referred', subject: id, data: { referralId: id, deviceId: device.deviceId, readId, read: value, reason: m.reason, candidates: m.candidates } });
    return { outcome: 'referred', journeyId: null, decision, detail: { referralId: id, reason: m.reason, candidates: m.candidates } };
  }

  /**
   * The matched journey, locked. The in-memory index answers first; its match is confirmed on the
   * locked row (state and gate), and anything else — a referral, or a match the row does not
   * confirm — is asked of the database, which is the authority.
   */
  private async find(x: Executor, read: string, confidence: number, states: JourneyState[]): Promise<{ m: PlateMatch; j: Journey | null }> {
    if (this.index) {
      const m = this.index.match(read, confidence, states, this.settings.gate);
      if (m.kind === 'matched') {
        const j = await journeys.byId(x, m.id, true);
        if (j && states.includes(j.state) && j.gate === this.settings.gate) return { m, j };
      }
    }
    const m = await this.match(x, read, confidence, states);
    return { m, j: m.kind === 'matched' ? await journeys.byId(x, m.id, true) : null };
  }

  /** The matcher over the journeys in `states`, found through the plate-key table. */
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
