/**
 * The people and devices of the twin, acting on the platform only through its public interfaces:
 * declarants submit and book, the officer decides, the border guard checks, the gate operator
 * calls trucks forward, cameras, barriers and the weighbridge send reads. The platform mode
 * drives them through Fastify `inject` on a virtual clock; the live twin through real HTTP and
 * MQTT on the wall clock. What happens is the platform's decision; when it happens is the
 * caller's (the discrete-event model, or scaled real time).
 */
import type { Rng } from '../../infra/random/index.ts';
import { noisyRead } from '../../modules/gate/noise.ts';
import type { TwinTruck } from './cargo.ts';
import type { TwinDevice, TwinReply, TwinRequest, TwinTransport } from './transport.ts';

/** The demo users the twin signs in as (DEMO=1 creates them). */
const USERS = ['admin', 'declarant', 'declarant2', 'supervisor', 'guard', 'operator'] as const;
type User = (typeof USERS)[number];

/** The gate devices the twin registers and plays. */
export const TWIN_DEVICES = [
  { role: 'entryCamera', id: 'twin-cam-entry-1', kind: 'plate-camera' },
  { role: 'entryBarrier', id: 'twin-bar-entry-1', kind: 'barrier' },
  { role: 'weighbridge', id: 'twin-wb-1', kind: 'weighbridge' },
  { role: 'exitBarrier', id: 'twin-bar-exit-1', kind: 'barrier' },
] as const;
type DeviceRole = (typeof TWIN_DEVICES)[number]['role'];

/** Where device secrets are kept between runs (the live twin on a persistent data directory). */
export interface DeviceSecrets {
  get(id: string): string | undefined;
  set(id: string, secret: string): void;
}

/** Counts of what the platform decided, for the report. */
export interface ActorTally {
  requests: number;
  rejected: number;
  referredReads: number;
  heldAtEntry: number;
  heldAtExit: number;
  /** Trucks outside their slot's entry window admitted by an officer (override of `slot_window`). */
  admittedOutsideSlot: number;
  slotRetries: number;
  /** Refusals by "step: code" (e.g. "POST /api/gate/bookings: GATE_SLOT_UNAVAILABLE"). */
  refusals: Record<string, number>;
  /** Barrier holds that stood after the keyed-in read, by "entry|exit: reason code". */
  holds: Record<string, number>;
}

const SLOT_MS = 30 * 60_000;

/** The platform answered something the twin cannot go on from. */
export class TwinStepError extends Error {
  constructor(step: string, reply: TwinReply) {
    super(`${step}: ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 400)}`);
  }
}

/** The twin's actors over one transport. */
export class GateActors {
  readonly tally: ActorTally = { requests: 0, rejected: 0, referredReads: 0, heldAtEntry: 0, heldAtExit: 0, admittedOutsideSlot: 0, slotRetries: 0, refusals: {}, holds: {} };
  #tokens = new Map<User, string>();
  #devices = new Map<DeviceRole, TwinDevice>();
  #reads = 0;
  gate = 'VN-MONGCAI';

  constructor(
    private readonly transport: TwinTransport,
    private readonly rng: Rng,
    private readonly now: () => Date,
  ) {}

  /** One API call, as `as` when given; an expired session is renewed by signing in again, as a client does. */
  async #call(req: TwinRequest & { as?: User }): Promise<TwinReply> {
    this.tally.requests++;
    const send = () => this.transport.request(req.as ? { ...req, token: this.#as(req.as) } : req);
    let r = await send();
    if (r.status === 401 && req.as) {
      await this.#login(req.as);
      r = await send();
    }
    if (r.status >= 400) this.#refused(`${req.method} ${req.path.replace(/\/(decl|jrn|slot)_[0-9A-Z]+/, '/{id}').replace(/\?.*/, '')}`, r);
    return r;
  }

  async #login(u: User): Promise<void> {
    this.tally.requests++;
    const r = await this.transport.request({ method: 'POST', path: '/api/auth/login', body: { username: u, password: 'demo' } });
    if (r.status !== 200) throw new TwinStepError(`login ${u} (the twin needs DEMO=1)`, r);
    this.#tokens.set(u, r.body.token as string);
  }

  #refused(what: string, r: TwinReply): void {
    this.tally.rejected++;
    const key = `${what}: ${(r.body?.code as string | undefined) ?? r.status}`;
    this.tally.refusals[key] = (this.tally.refusals[key] ?? 0) + 1;
  }

  #as(user: User): string {
    const t = this.#tokens.get(user);
    if (!t) throw new Error(`${user} is not signed in`);
    return t;
  }

  /** Signs the users in, registers the devices (or reuses known secrets), opens the partner side for the period. */
  async setup(period: { from: Date; to: Date }, secrets?: DeviceSecrets): Promise<void> {
    for (const u of USERS) await this.#login(u);
    const site = await this.#call({ method: 'GET', path: '/api/site' });
    if (site.status === 200) this.gate = site.body.siteId as string;
    const listed = await this.#call({ method: 'GET', path: '/api/identity/devices', as: 'admin' });
    const existing = new Set(((listed.body?.items ?? []) as Array<{ id: string }>).map((d) => d.id));
    for (const d of TWIN_DEVICES) {
      // A device keeps its secret; one registered before whose secret is lost is replaced by a new id.
      let id: string = d.id;
      for (let k = 2; existing.has(id) && !secrets?.get(id); k++) id = `${d.id}-${k}`;
      const known = existing.has(id) ? secrets?.get(id) : undefined;
      if (known) {
        this.#devices.set(d.role, { id, kind: d.kind, secret: known });
        continue;
      }
      const r = await this.#call({ method: 'POST', path: '/api/identity/devices', as: 'admin', body: { id, kind: d.kind, name: `Twin ${d.role}` } });
      if (r.status !== 201) throw new TwinStepError(`register device ${id}`, r);
      secrets?.set(id, r.body.secret as string);
      this.#devices.set(d.role, { id, kind: d.kind, secret: r.body.secret as string });
    }
    await this.openPartnerSide(period);
  }

  /** The partner side announces room for the period on every lane class. */
  async openPartnerSide(period: { from: Date; to: Date }): Promise<void> {
    for (const direction of ['inbound', 'outbound']) {
      for (const laneClass of direction === 'outbound' ? ['general', 'perishable', 'agv'] : ['general', 'perishable']) {
        const r = await this.#call({
          method: 'POST', path: '/api/gate/partner-capacity', as: 'admin',
          body: { direction, laneClass, from: period.from.toISOString(), to: period.to.toISOString(), trucksPerSlot: 1000 },
        });
        if (r.status !== 201) throw new TwinStepError('partner capacity', r);
      }
    }
  }

  /** The declarant submits the truck's declaration; the platform's risk engine picks the channel. */
  async declare(t: TwinTruck, expectedArrival: Date): Promise<'green' | 'yellow' | 'red'> {
    const r = await this.#call({ method: 'POST', path: '/api/customs/declarations?submit=true', as: t.declarant, body: t.declaration(expectedArrival, this.gate) });
    if (r.status !== 201) throw new TwinStepError(`declare truck ${t.n}`, r);
    t.declarationId = r.body.id as string;
    t.channel = (r.body.channel ?? 'yellow') as TwinTruck['channel'];
    return t.channel!;
  }

  /**
   * Books the slot of `at` (not one already past); when it is full, the first slot with room
   * the gate offers in the next 24 hours, as a declarant picks from the slot list.
   */
  async book(t: TwinTruck, at: Date): Promise<boolean> {
    const direction = t.direction === 'import' ? 'inbound' : 'outbound';
    const laneClass = t.perishable ? 'perishable' : 'general';
    const first = Math.max(Math.floor(at.getTime() / SLOT_MS), Math.ceil(this.now().getTime() / SLOT_MS)) * SLOT_MS;
    const post = (slotStart: string) => this.#call({
      method: 'POST', path: '/api/gate/bookings', as: t.declarant,
      body: { declarationId: t.declarationId, direction, laneClass, slotStart, plate: t.plate, vehicleClass: 'tractor_trailer', driver: t.driver },
    });
    let r = await post(new Date(first).toISOString());
    if (r.body?.code === 'GATE_SLOT_UNAVAILABLE') {
      this.tally.slotRetries++;
      const q = `direction=${direction}&laneClass=${laneClass}&from=${encodeURIComponent(new Date(first).toISOString())}&count=48`;
      const slots = await this.#call({ method: 'GET', path: `/api/gate/slots?${q}`, as: t.declarant });
      const free = (slots.body?.items as Array<{ start: string; available: number }> | undefined)?.find((x) => x.available > 0);
      if (free) r = await post(free.start);
    }
    if (r.status !== 201) return false;
    t.bookingId = r.body.id as string;
    t.journeyId = r.body.journeyId as string;
    return true;
  }

  async #read(role: DeviceRole, body: Record<string, unknown>): Promise<TwinReply | null> {
    const device = this.#devices.get(role)!;
    this.tally.requests++;
    const r = await this.transport.deviceRead(device, { readId: `twin-${device.id}-${++this.#reads}`, at: this.now().toISOString(), ...body });
    if (r && r.status >= 400) this.#refused(`read ${body.type as string}`, r);
    if (r?.body?.outcome === 'referred') this.tally.referredReads++;
    return r;
  }

  /**
   * The plate keyed in by the operator, read again 15 s after the first read: a re-read of the
   * same text within the gate's 10 s duplicate window would only get the first answer back.
   */
  #keyedIn(t: TwinTruck): { plate: string; confidence: number; at: string } {
    return { plate: t.plate, confidence: 1, at: new Date(this.now().getTime() + 15_000).toISOString() };
  }

  /** A plate read as a roadside camera sends it: the gate's OCR noise model. */
  #noisy(t: TwinTruck): { plate: string; confidence: number } {
    const { text, confidence } = noisyRead(this.rng, t.plate);
    return { plate: text, confidence: Math.round(confidence * 100) / 100 };
  }

  /** The entry camera reads the plate as the truck reaches the outer gate. */
  async arrive(t: TwinTruck): Promise<void> {
    await this.#read('entryCamera', { type: 'plate', ...this.#noisy(t), position: 'entry', lane: 1 });
  }

  /**
   * The entry barrier reads the plate; a hold for a doubtful read is resolved the way an operator
   * does it, by keying the plate in (a clean read), and a truck outside its slot's entry window
   * is admitted by an officer (the model, not the slot, decides when trucks come). The barrier
   * confirms the open command. True when it opened.
   */
  async enterYard(t: TwinTruck): Promise<boolean> {
    const first = await this.#read('entryBarrier', { type: 'plate', ...this.#noisy(t), position: 'entry', lane: 1 });
    if (await this.#opened('entryBarrier', first)) return true;
    const codes = ((first?.body?.decision?.reasons ?? []) as Array<{ code: string }>).map((r) => r.code);
    if (codes.includes('SLOT_TOO_EARLY') || codes.includes('SLOT_TOO_LATE')) {
      const r = await this.#call({
        method: 'POST', path: `/api/gate/journeys/${t.journeyId}/override`, as: 'supervisor',
        body: { exception: 'slot_window', reason: `Admitted outside the slot window (${codes.join(', ')}) as the day's traffic requires` },
      });
      if (r.status === 200) this.tally.admittedOutsideSlot++;
    }
    const keyed = await this.#read('entryBarrier', { type: 'plate', ...this.#keyedIn(t), position: 'entry', lane: 1 });
    if (await this.#opened('entryBarrier', keyed)) return true;
    this.tally.heldAtEntry++;
    this.#held('entry', keyed);
    return false;
  }

  #held(where: 'entry' | 'exit', r: TwinReply | null): void {
    for (const { code } of (r?.body?.decision?.reasons ?? [{ code: r?.body?.outcome ?? 'no answer' }]) as Array<{ code: string }>) {
      const key = `${where}: ${code}`;
      this.tally.holds[key] = (this.tally.holds[key] ?? 0) + 1;
    }
  }

  /** True when a barrier's answer is `open`; the barrier then confirms the command, as a real one does. */
  async #opened(role: 'entryBarrier' | 'exitBarrier', r: TwinReply | null): Promise<boolean> {
    const d = r?.body?.decision as { action: string; commandId?: string } | undefined;
    if (d?.action !== 'open') return false;
    if (d.commandId) await this.#read(role, { type: 'barrier-state', state: 'open', commandId: d.commandId });
    return true;
  }

  /** The gate operator calls the next truck forward; the gate's yard order picks it. */
  async callForward(): Promise<string[]> {
    const r = await this.#call({ method: 'POST', path: '/api/gate/yard/call-forward', as: 'operator', body: { count: 1 } });
    if (r.status !== 200) return [];
    return (r.body.items as Array<{ id: string }>).map((j) => j.id);
  }

  /** The weighbridge reports the gross mass with the plate it read. */
  async weigh(t: TwinTruck): Promise<void> {
    await this.#read('weighbridge', { type: 'weight', grossKg: t.grossKg, plate: t.plate });
  }

  async #decide(t: TwinTruck, action: string, body: Record<string, unknown>): Promise<boolean> {
    const r = await this.#call({ method: 'POST', path: `/api/customs/declarations/${t.declarationId}/${action}`, as: 'supervisor', body });
    return r.status === 200;
  }

  /** The officer's documentary check; a yellow declaration is then released. */
  async checkDocuments(t: TwinTruck): Promise<void> {
    await this.#decide(t, 'accept-documents', { note: 'Documents consistent with the partner data' });
    if (t.channel === 'yellow') await this.#decide(t, 'release', { reason: 'Documentary check passed' });
  }

  /** A red declaration's inspection is scheduled now (scanner or physical). */
  async scheduleInspection(t: TwinTruck, kind: 'scanner' | 'physical'): Promise<void> {
    await this.#decide(t, 'schedule-inspection', { kind, at: this.now().toISOString(), location: 'Customs yard' });
  }

  /** The inspection found nothing; the officer releases. */
  async inspectedAndRelease(t: TwinTruck): Promise<void> {
    await this.#decide(t, 'record-inspection', { outcome: 'compliant', findings: [] });
    await this.#decide(t, 'release', { reason: 'Inspection compliant' });
  }

  /** The border guard checks truck and driver (the journey must be released). */
  async borderCheck(t: TwinTruck): Promise<boolean> {
    const r = await this.#call({ method: 'POST', path: `/api/gate/journeys/${t.journeyId}/border-check`, as: 'guard' });
    return r.status === 200;
  }

  /** The exit barrier reads the plate; a doubtful read is keyed in once. True when it opened. */
  async exit(t: TwinTruck): Promise<boolean> {
    const first = await this.#read('exitBarrier', { type: 'plate', ...this.#noisy(t), position: 'exit', lane: 1 });
    if (await this.#opened('exitBarrier', first)) return true;
    const keyed = await this.#read('exitBarrier', { type: 'plate', ...this.#keyedIn(t), position: 'exit', lane: 1 });
    if (await this.#opened('exitBarrier', keyed)) return true;
    this.tally.heldAtExit++;
    this.#held('exit', keyed);
    return false;
  }

  /** A journey as the gate reports it (state and stage times). */
  async journey(id: string): Promise<{ state: string; stages: Array<{ stage: string; at: string }> } | null> {
    const r = await this.#call({ method: 'GET', path: `/api/gate/journeys/${id}`, as: 'operator' });
    return r.status === 200 ? (r.body as { state: string; stages: Array<{ stage: string; at: string }> }) : null;
  }

  /** The gate's own clearance query (arrival → exit) for a direction and period. */
  async clearance(direction: 'inbound' | 'outbound', from: Date, to: Date): Promise<{ count: number; p50Minutes: number | null; p90Minutes: number | null } | null> {
    const q = `direction=${direction}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    const r = await this.#call({ method: 'GET', path: `/api/gate/clearance?${q}`, as: 'operator' });
    return r.status === 200 ? r.body : null;
  }
}
