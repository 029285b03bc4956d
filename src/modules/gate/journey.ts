/**
 * The journey of one truck as a pure state machine (diagram: journey.md). `decideJourney` takes
 * the journey, a command, who gives it and when, and returns the next journey and its events, or
 * a refusal with a stable code. Every stage reached is stamped with its time.
 */
import { openExceptions, type ExceptionKind, type Journey, type JourneyState } from './model.ts';

/** What can happen to a journey. */
export type JourneyCommand =
  | { kind: 'arrive'; plateRead: string }
  | { kind: 'enter_yard' }
  | { kind: 'call_forward' }
  | { kind: 'weigh'; grossKg: number }
  | { kind: 'scan'; outcome: 'clear' | 'seal_problem' }
  | { kind: 'customs_release' }
  | { kind: 'customs_stop'; reason: string }
  | { kind: 'border_check' }
  | { kind: 'exit' }
  | { kind: 'hand_to_agv' }
  | { kind: 'raise'; exception: ExceptionKind; detail: string }
  | { kind: 'override'; exception: ExceptionKind; reason: string }
  | { kind: 'resolve'; exception: ExceptionKind; reason: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'no_show' };

/** Codes of a refused command (catalogued in errors.ts). */
export type JourneyRefusalCode = 'GATE_TRANSITION_NOT_ALLOWED' | 'GATE_EXCEPTIONS_OPEN' | 'GATE_REASON_REQUIRED' | 'GATE_NO_SUCH_EXCEPTION';

/** An event a transition emits. */
export interface JourneyEvent {
  type: `gate.${string}`;
  data: Record<string, unknown>;
}

/** The result of `decideJourney`. */
export type JourneyDecision =
  | { ok: true; journey: Journey; events: JourneyEvent[] }
  | { ok: false; code: JourneyRefusalCode; message: string; state: JourneyState };

/** The state each forward command needs, and where it leads. */
const FORWARD: Partial<Record<JourneyCommand['kind'], { from: readonly JourneyState[]; to: JourneyState; event: string }>> = {
  arrive: { from: ['expected'], to: 'arrived', event: 'gate.arrived' },
  enter_yard: { from: ['arrived'], to: 'in_yard', event: 'gate.entered_yard' },
  call_forward: { from: ['in_yard'], to: 'called_forward', event: 'gate.called_forward' },
  weigh: { from: ['called_forward'], to: 'weighed', event: 'gate.weighed' },
  scan: { from: ['weighed'], to: 'scanned', event: 'gate.scanned' },
  border_check: { from: ['released'], to: 'border_checked', event: 'gate.border_checked' },
  exit: { from: ['border_checked'], to: 'exited', event: 'gate.exited' },
  hand_to_agv: { from: ['border_checked'], to: 'handed_to_agv', event: 'gate.handed_to_agv' },
  no_show: { from: ['expected'], to: 'no_show', event: 'gate.no_show' },
};

/** States a journey never leaves. */
export const FINAL_STATES: readonly JourneyState[] = ['exited', 'handed_to_agv', 'cancelled', 'no_show'];

// Leaving the controlled area needs every exception resolved.
const NEEDS_CLEAR: ReadonlySet<JourneyCommand['kind']> = new Set(['border_check', 'exit', 'hand_to_agv']);

const refuse = (j: Journey, code: JourneyRefusalCode, message: string): JourneyDecision => ({ ok: false, code, message, state: j.state });

/** True when the physical checks are done and only customs' release is missing (or given). */
export function checksDone(j: Journey): boolean {
  return j.scanSelected ? j.state === 'scanned' : j.state === 'weighed' || j.state === 'scanned';
}

/** Decides one command. */
export function decideJourney(j: Journey, cmd: JourneyCommand, by: string, now: Date): JourneyDecision {
  if (FINAL_STATES.includes(j.state) && cmd.kind !== 'customs_release') return refuse(j, 'GATE_TRANSITION_NOT_ALLOWED', `The journey is ${j.state}`);
  const events: JourneyEvent[] = [];
  const base = { journeyId: j.id, plate: j.plate, gate: j.gate, direction: j.direction, declarationId: j.declarationId };
  const stamp = (x: Journey, to: JourneyState, event: string, data: Record<string, unknown> = {}): Journey => {
    events.push({ type: event as JourneyEvent['type'], data: { ...base, from: x.state, to, ...data } });
    return { ...x, state: to, stages: [...x.stages, { stage: to, at: now, by }] };
  };
  // Customs' release reached and the checks done: the truck is released at the gate.
  const settle = (x: Journey): Journey => (x.customsReleasedAt && checksDone(x) && openExceptions(x).length === 0 ? stamp(x, 'released', 'gate.released') : x);
  const raise = (x: Journey, kind: ExceptionKind, detail: string): Journey => {
    if (openExceptions(x).some((e) => e.kind === kind)) return x;
    events.push({ type: 'gate.exception_raised', data: { ...base, exception: kind, detail } });
    return { ...x, exceptions: [...x.exceptions, { kind, detail, raisedAt: now, resolvedAt: null, resolution: null }] };
  };
  const resolve = (x: Journey, kind: ExceptionKind, reason: string, override: boolean): Journey => {
    events.push({ type: override ? 'gate.exception_overridden' : 'gate.exception_resolved', data: { ...base, exception: kind, reason, by } });
    return { ...x, exceptions: x.exceptions.map((e) => (e.kind === kind && e.resolvedAt === null ? { ...e, resolvedAt: now, resolution: { by, reason, override } } : e)) };
  };

  switch (cmd.kind) {
    case 'customs_release': {
      if (j.customsReleasedAt) return { ok: true, journey: j, events: [] };
      let x: Journey = { ...j, customsReleasedAt: now };
      if (openExceptions(x).some((e) => e.kind === 'declaration_not_released')) x = resolve(x, 'declaration_not_released', 'released by customs', false);
      if (FINAL_STATES.includes(x.state)) return { ok: true, journey: x, events };
      return { ok: true, journey: settle(x), events };
    }
    case 'customs_stop':
      return { ok: true, journey: raise({ ...j, customsReleasedAt: null }, 'declaration_not_released', cmd.reason), events };
    case 'raise':
      return { ok: true, journey: raise(j, cmd.exception, cmd.detail), events };
    case 'override': {
      if (cmd.reason.trim().length < 3) return refuse(j, 'GATE_REASON_REQUIRED', 'An override needs a reason');
      if (!openExceptions(j).some((e) => e.kind === cmd.exception)) return refuse(j, 'GATE_NO_SUCH_EXCEPTION', `No open ${cmd.exception} exception`);
      return { ok: true, journey: settle(resolve(j, cmd.exception, cmd.reason.trim(), true)), events };
    }
    case 'resolve': {
      // The system found the cause gone (a truck early for its slot is now in time): not an override.
      if (!openExceptions(j).some((e) => e.kind === cmd.exception)) return { ok: true, journey: j, events: [] };
      return { ok: true, journey: settle(resolve(j, cmd.exception, cmd.reason, false)), events };
    }
    case 'cancel': {
      if (cmd.reason.trim().length < 3) return refuse(j, 'GATE_REASON_REQUIRED', 'A cancellation needs a reason');
      return { ok: true, journey: stamp(j, 'cancelled', 'gate.cancelled', { reason: cmd.reason }), events };
    }
    default: {
      const rule = FORWARD[cmd.kind]!;
      if (!rule.from.includes(j.state)) return refuse(j, 'GATE_TRANSITION_NOT_ALLOWED', `${cmd.kind} is not possible when the journey is ${j.state}`);
      if (cmd.kind === 'scan' && !j.scanSelected) return refuse(j, 'GATE_TRANSITION_NOT_ALLOWED', 'This truck was not selected for scanning');
      const open = openExceptions(j);
      if (NEEDS_CLEAR.has(cmd.kind) && open.length > 0) return refuse(j, 'GATE_EXCEPTIONS_OPEN', `Open exceptions: ${open.map((e) => e.kind).join(', ')}`);
      let x = j;
      if (cmd.kind === 'weigh') x = { ...x, grossKg: cmd.grossKg };
      const extra = cmd.kind === 'weigh' ? { grossKg: cmd.grossKg } : cmd.kind === 'scan' ? { outcome: cmd.outcome } : cmd.kind === 'arrive' ? { plateRead: cmd.plateRead } : {};
      x = stamp(x, rule.to, rule.event, extra);
      if (cmd.kind === 'weigh' && cmd.grossKg > j.maxGrossKg) x = raise(x, 'overweight', `${cmd.grossKg} kg over the ${j.maxGrossKg} kg limit`);
      if (cmd.kind === 'scan' && cmd.outcome === 'seal_problem') x = raise(x, 'seal_problem', 'the seal or the scan image needs an officer');
      return { ok: true, journey: settle(x), events };
    }
  }
}

/** Seconds spent between two stages (clearance time), or null when either was not reached. */
export function stageSeconds(j: Pick<Journey, 'stages'>, from: JourneyState, to: JourneyState): number | null {
  const a = j.stages.find((s) => s.stage === from);
  const b = j.stages.find((s) => s.stage === to);
  return a && b ? (b.at.getTime() - a.at.getTime()) / 1000 : null;
}
