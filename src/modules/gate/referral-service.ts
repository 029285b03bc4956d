import type { RequestContext } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { gateError } from './errors.ts';
import { FINAL_STATES } from './journey.ts';
import { applyJourney, enterYard } from './journey-writer.ts';
import type { Journey } from './model.ts';
import { actorName } from './policies.ts';
import type { BarrierCommand } from './ports.ts';
import { exitHoldReasons, type ReadService } from './read-service.ts';
import type { ReadResult } from './reads.ts';
import type { GateSettings } from './settings.ts';
import { journeys } from './store/journeys.ts';
import { reads, referrals } from './store/reads.ts';

/** An open referral as the gate page lists it. */
export interface Referral {
  id: string;
  deviceId: string;
  readId: string;
  reason: string;
  read: string;
  candidates: unknown;
  createdAt: Date;
}

/** What an officer's resolution did. */
export interface ReferralResolution {
  referralId: string;
  journey: Journey | null;
  /** The barrier command sent because of it (the truck was at a barrier), if any. */
  command: BarrierCommand | null;
}

/**
 * Referrals: reads the matcher would not decide alone. An officer picks the truck (one of the
 * candidates) or none; the read then does what a match would have done — at an entry barrier the
 * truck is let into the yard and the barrier opened, at an exit barrier it leaves if it is clear.
 */
export class ReferralService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly settings: GateSettings,
    private readonly readService: ReadService,
    /** Told of every journey a resolution changes (the in-memory plate index). */
    private readonly onJourney: (j: Journey) => void = () => undefined,
  ) {}

  /** Open referrals, oldest first. */
  async open(limit = 200): Promise<Referral[]> {
    return referrals.open(this.db, limit);
  }

  /** Resolves a referral with the officer's choice (`journeyId` null: none of the candidates). */
  async resolve(ctx: RequestContext, id: string, choice: { journeyId: string | null; reason: string }): Promise<ReferralResolution> {
    const by = actorName(ctx.actor);
    const out = await this.uow.run(ctx, async (w) => {
      const ref = await referrals.byId(w.tx, id, true);
      if (!ref) throw gateError('GATE_REFERRAL_NOT_FOUND', `No referral ${id}`);
      if (ref.resolvedAt) throw gateError('GATE_REFERRAL_RESOLVED', `Referral ${id} was resolved at ${ref.resolvedAt.toISOString()}`);
      let journey: Journey | null = null;
      let command: BarrierCommand | null = null;
      if (choice.journeyId) {
        // The officer may also name a truck the matcher did not list (a badly garbled read), but
        // only one still on its way through this gate.
        const listed = Array.isArray(ref.candidates) && ref.candidates.some((c) => (c as { id?: unknown }).id === choice.journeyId);
        const found = await journeys.byId(w.tx, choice.journeyId, true);
        if (!found || (!listed && (FINAL_STATES.includes(found.state) || found.gate !== this.settings.gate))) {
          throw gateError('GATE_NOT_A_CANDIDATE', `${choice.journeyId} is neither a candidate of ${id} nor a truck on its way through this gate`, [{ pointer: '/journeyId', code: 'NOT_A_CANDIDATE', message: 'not a candidate' }]);
        }
        const read = await reads.byKey(w.tx, ref.deviceId, ref.readId);
        let j = found;
        const [kind, position, ...rest] = (read?.value ?? '').split(':');
        const barrier = (read?.result as ReadResult | undefined)?.decision != null;
        if (kind === 'plate' && position === 'entry') {
          if (j.state === 'expected') j = await applyJourney(w, j, { kind: 'arrive', plateRead: ref.read }, by);
          if (barrier && j.state === 'arrived') j = await enterYard(w, j, this.settings, by);
          if (barrier && j.state === 'in_yard') command = this.openCommand(ref, j, `Admitted by ${by}`, w.now);
        } else if (kind === 'plate' && position === 'exit' && barrier && exitHoldReasons(j).length === 0) {
          j = await applyJourney(w, j, { kind: j.laneClass === 'agv' ? 'hand_to_agv' : 'exit' }, by);
          command = this.openCommand(ref, j, `Identified by ${by}; released and checked`, w.now);
        } else if (kind === 'weight' && j.state === 'called_forward') {
          j = await applyJourney(w, j, { kind: 'weigh', grossKg: Number(rest.at(-1)) }, by);
        }
        journey = j;
      }
      await referrals.resolve(w.tx, id, w.now, { by, reason: choice.reason, journeyId: choice.journeyId });
      if (command) {
        w.emit({ type: 'gate.barrier_decided', subject: ref.deviceId, data: { deviceId: ref.deviceId, readId: ref.readId, journeyId: command.journeyId, action: 'open', reasons: command.reasons, commandId: command.commandId } });
        await this.readService.awaitConfirmation(w, { deviceId: ref.deviceId, kind: 'barrier' }, command.commandId, command.journeyId, ref.readId);
      }
      w.emit({ type: 'gate.referral_resolved', subject: id, data: { referralId: id, journeyId: choice.journeyId, by, reason: choice.reason, opened: command !== null } });
      w.audit({ action: 'gate.referral_resolved', targetType: 'referral', targetId: id, details: { journeyId: choice.journeyId, reason: choice.reason, opened: command !== null } });
      return { referralId: id, journey, command, deviceId: ref.deviceId };
    });
    if (out.journey) this.onJourney(out.journey);
    if (out.command) await this.readService.command(out.deviceId, 'barrier', out.command);
    return { referralId: out.referralId, journey: out.journey, command: out.command };
  }

  private openCommand(ref: { readId: string }, j: Journey, message: string, at: Date): BarrierCommand {
    return { commandId: this.ids.next('cmd'), readId: ref.readId, action: 'open', journeyId: j.id, reasons: [{ code: 'OFFICER_DECISION', message }], at: at.toISOString() };
  }
}
