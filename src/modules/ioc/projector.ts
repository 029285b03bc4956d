/**
 * The IOC's bus consumer: keeps the site projection (trucks and their stage, declarations'
 * channels, devices last seen, clearance samples), adds to the per-minute KPIs and runs the
 * event-driven alert rules, all in the delivery transaction, so each event counts once.
 */
import type { Clock } from '../../infra/clock/index.ts';
import { writeInDelivery, type Consumer, type DomainEvent } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { applyConditions, raiseAlert, type AlertWrite } from './alert-writer.ts';
import { minuteOf, slotAdherence } from './kpis.ts';
import { DIRECTIONS, type IocSite } from './model.ts';
import { eventRules, gaugeRules } from './rules.ts';
import type { IocSettings } from './settings.ts';
import { kpiMinutes, projection } from './store/projection.ts';

/** The consumer's name: its checkpoint in the event bus. */
export const IOC_CONSUMER = 'ioc.projector';

/** Journey stage events of the gate and the stage each leads to. */
const STAGE_EVENTS: Record<string, string> = {
  'gate.arrived': 'arrived', 'gate.entered_yard': 'in_yard', 'gate.called_forward': 'called_forward', 'gate.weighed': 'weighed',
  'gate.scanned': 'scanned', 'gate.released': 'released', 'gate.border_checked': 'border_checked', 'gate.exited': 'exited',
  'gate.handed_to_agv': 'handed_to_agv', 'gate.no_show': 'no_show', 'gate.cancelled': 'cancelled',
};
/** Events from devices, and the kind of device each implies. */
const DEVICE_EVENTS: Record<string, string> = {
  'gate.barrier_decided': 'barrier', 'gate.barrier_state': 'barrier', 'gate.read_referred': 'unknown', 'gate.pass_refused': 'qr-reader', 'gate.barrier_unconfirmed': 'barrier',
};

/** Event types the projector reads. */
export const IOC_EVENT_TYPES = [
  'declaration.assessed', 'declaration.channel_overridden', 'gate.slot_booked', ...Object.keys(STAGE_EVENTS), ...Object.keys(DEVICE_EVENTS),
  'exchange.message_dead_lettered', 'ledger.fork_detected',
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Builds the consumer; `changed` is called after an event that changes what the IOC shows. */
export function iocProjector(deps: { clock: Clock; ids: IdGenerator; settings: IocSettings; site: IocSite; changed: () => void }): Consumer {
  return {
    name: IOC_CONSUMER,
    types: [...new Set(IOC_EVENT_TYPES)],
    async handle(event, tx) {
      const changed = await writeInDelivery(tx, { clock: deps.clock, ids: deps.ids, consumer: IOC_CONSUMER, event }, (w) => project(w, event, deps));
      if (changed) deps.changed();
    },
  };
}

async function project(w: AlertWrite, event: DomainEvent, deps: { ids: IdGenerator; settings: IocSettings; site: IocSite }): Promise<boolean> {
  const { tx } = w;
  const d = event.data;
  const at = new Date(event.occurredAt);
  const minute = minuteOf(at);
  if (event.type === 'declaration.assessed' || event.type === 'declaration.channel_overridden') {
    const channel = str(event.type === 'declaration.assessed' ? d.channel : d.to) ?? str(d.channel);
    if (!channel) return false;
    await projection.setChannel(tx, event.subject, channel, at);
    if (event.type === 'declaration.assessed') await kpiMinutes.add(tx, minute, `channel.${channel}`);
    return true;
  }
  if (event.type === 'gate.slot_booked') {
    const journeyId = str(d.journeyId);
    if (!journeyId) return false;
    await projection.upsertTruck(tx, { journeyId, plate: str(d.plate) ?? '', direction: str(d.direction) ?? 'inbound', laneClass: str(d.laneClass) ?? 'general', stage: 'expected', declarationId: str(d.declarationId), slotStart: str(d.slotStart) ? new Date(d.slotStart as string) : null, at });
    return false;
  }
  const stage = STAGE_EVENTS[event.type];
  if (stage) {
    const journeyId = str(d.journeyId);
    if (!journeyId) return false;
    if (event.type === 'gate.no_show' && str(d.bookingId)) await kpiMinutes.add(tx, minute, 'slot.no_show');
    // A stage reached by a device's read (camera, weighbridge, barrier) shows that device alive.
    await seeDevice(w, deps, str(d.deviceId), str(d.deviceKind) ?? 'unknown', at, null);
    let truck = await projection.moveTruck(tx, journeyId, stage, at, stage === 'arrived');
    if (!truck) {
      await projection.upsertTruck(tx, { journeyId, plate: str(d.plate) ?? '', direction: str(d.direction) ?? 'inbound', laneClass: 'general', stage: 'expected', declarationId: str(d.declarationId), slotStart: null, at });
      truck = await projection.moveTruck(tx, journeyId, stage, at, stage === 'arrived');
    }
    if (stage === 'arrived') {
      await kpiMinutes.add(tx, minute, 'arrived', ...(truck?.slot_start ? [`slot.${slotAdherence(at, new Date(truck.slot_start), deps.settings.slotOnTimeMinutes)}`] : []));
      const declarationId = str(d.declarationId) ?? truck?.declaration_id ?? null;
      const channel = declarationId ? await projection.channelOf(tx, declarationId) : null;
      for (const c of eventRules(event.type, event.subject, d, channel)) await raiseAlert(w, deps.ids, c);
    }
    if ((stage === 'exited' || stage === 'handed_to_agv') && truck) {
      await kpiMinutes.add(tx, minute, 'exited');
      if (truck.arrived_at) await projection.addClearance(tx, journeyId, truck.direction, (at.getTime() - new Date(truck.arrived_at).getTime()) / 1000, at);
    }
    await recordGauges(w, minute, deps);
    return true;
  }
  const deviceKind = DEVICE_EVENTS[event.type];
  // An unconfirmed command says the barrier is not answering: it does not count as seen.
  if (deviceKind && event.type !== 'gate.barrier_unconfirmed') await seeDevice(w, deps, str(d.deviceId), deviceKind, at, event.type === 'gate.barrier_state' ? str(d.state) : null);
  for (const c of eventRules(event.type, event.subject, d, null)) await raiseAlert(w, deps.ids, c);
  return true;
}

/** Marks a device seen now and resolves its `device_silent` alert, if any. */
async function seeDevice(w: AlertWrite, deps: { ids: IdGenerator }, deviceId: string | null, kind: string, at: Date, state: string | null): Promise<void> {
  if (!deviceId) return;
  await projection.seeDevice(w.tx, deviceId, kind, at, state);
  await applyConditions(w, deps.ids, { raise: [], clear: [{ rule: 'device_silent', subject: deviceId }] });
}

/** Stores this minute's queue and yard gauges and runs the threshold rules on them. */
async function recordGauges(w: AlertWrite, minute: Date, deps: { ids: IdGenerator; settings: IocSettings; site: IocSite }): Promise<void> {
  const gauges = await projection.gauges(w.tx);
  const queue: Record<string, number> = { ...Object.fromEntries(DIRECTIONS.map((dir) => [dir, 0])), ...gauges.queue };
  const yardOccupied = gauges.yardOccupied;
  await kpiMinutes.set(w.tx, minute, { ...Object.fromEntries(DIRECTIONS.map((dir) => [`queue.${dir}`, queue[dir] ?? 0])), 'yard.occupied': yardOccupied });
  await applyConditions(w, deps.ids, gaugeRules({ queue, yardOccupied, yardCapacity: deps.site.yardCapacity }, deps.settings));
}
