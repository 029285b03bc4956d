import type { Executor } from '../../../infra/db/index.ts';
import { typed } from '../../../infra/db/index.ts';
import type { Tables } from './tables.ts';

/** A barrier command waiting for the barrier to confirm it. */
export interface PendingBarrierCommand {
  commandId: string;
  deviceId: string;
  deviceKind: string;
  action: string;
  journeyId: string | null;
  readId: string;
  issuedAt: Date;
  deadlineAt: Date;
}

/** Barrier commands and their confirmations (kept in the database, so a restart forgets none). */
export const barrierCommands = {
  async insert(x: Executor, c: PendingBarrierCommand): Promise<void> {
    await typed<Tables>(x).insertInto('gate.barrier_commands').values({
      command_id: c.commandId, device_id: c.deviceId, device_kind: c.deviceKind, action: c.action, journey_id: c.journeyId, read_id: c.readId,
      issued_at: c.issuedAt, deadline_at: c.deadlineAt, confirmed_at: null, confirmed_state: null, alerted_at: null,
    }).execute();
  },
  /** Marks the command of `deviceId` confirmed; false when there is no such command of that device. */
  async confirm(x: Executor, deviceId: string, commandId: string, state: string, at: Date): Promise<{ late: boolean } | null> {
    const r = await typed<Tables>(x).updateTable('gate.barrier_commands').set({ confirmed_at: at, confirmed_state: state })
      .where('command_id', '=', commandId).where('device_id', '=', deviceId).where('confirmed_at', 'is', null)
      .returning(['alerted_at']).executeTakeFirst();
    return r ? { late: r.alerted_at !== null } : null;
  },
  /** Unconfirmed commands past their deadline that have not been alerted yet, locked for this transaction. */
  async overdue(x: Executor, now: Date, limit: number): Promise<PendingBarrierCommand[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.barrier_commands').selectAll().where('confirmed_at', 'is', null).where('alerted_at', 'is', null)
      .where('deadline_at', '<=', now).orderBy('deadline_at').limit(limit).forUpdate().skipLocked().execute();
    return rows.map((r) => ({
      commandId: r.command_id, deviceId: r.device_id, deviceKind: r.device_kind, action: r.action, journeyId: r.journey_id, readId: r.read_id,
      issuedAt: new Date(r.issued_at), deadlineAt: new Date(r.deadline_at),
    }));
  },
  /** True when some command is overdue (a cheap look before taking locks). */
  async anyOverdue(x: Executor, now: Date): Promise<boolean> {
    const r = await typed<Tables>(x).selectFrom('gate.barrier_commands').select('command_id').where('confirmed_at', 'is', null).where('alerted_at', 'is', null)
      .where('deadline_at', '<=', now).limit(1).executeTakeFirst();
    return r !== undefined;
  },
  async markAlerted(x: Executor, commandIds: string[], at: Date): Promise<void> {
    if (commandIds.length === 0) return;
    await typed<Tables>(x).updateTable('gate.barrier_commands').set({ alerted_at: at }).where('command_id', 'in', commandIds).execute();
  },
};
