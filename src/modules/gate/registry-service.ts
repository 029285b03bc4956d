import { hasRole, type RequestContext } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import { gateError } from './errors.ts';
import { registryPolicy } from './policies.ts';
import { checkVehicle, type Driver, type Vehicle, type VehicleKind } from './registry.ts';
import { registry } from './store/registry.ts';

/** What a vehicle is registered with. */
export interface VehicleInput {
  plate: string;
  country?: 'VN' | 'CN';
  kind: VehicleKind;
  axles: number;
  /** Staff register for an enterprise; a declarant always for its own. */
  ownerEnterpriseId?: string;
}

/** What a driver is registered with. */
export type DriverInput = Omit<Driver, 'id' | 'createdAt' | 'enterpriseId'>;

/** The vehicle and driver registry. */
export class RegistryService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  /** Registers a vehicle (one per plate). */
  async registerVehicle(ctx: RequestContext, input: VehicleInput): Promise<Vehicle> {
    const actor = ctx.actor!;
    const owner = hasRole(actor, 'declarant') ? actor.enterpriseId : input.ownerEnterpriseId ?? null;
    if (!owner) throw platformError('VALIDATION_FAILED', 'ownerEnterpriseId is required', [{ pointer: '/ownerEnterpriseId', code: 'FIELD_REQUIRED', message: 'the owner enterprise is required' }]);
    const check = checkVehicle(input);
    if (!check.ok) throw gateError('GATE_PLATE_INVALID', check.message, [{ pointer: check.pointer, code: 'INVALID', message: check.message }]);
    return this.uow.run(ctx, async (w) => {
      const v: Vehicle = { id: this.ids.next('veh'), plate: check.plate.normalized, country: check.plate.country, kind: input.kind, axles: input.axles, ownerEnterpriseId: owner, createdAt: w.now };
      if (!(await registry.insertVehicle(w.tx, v))) throw gateError('GATE_VEHICLE_EXISTS', `${v.plate} is registered already`);
      w.emit({ type: 'gate.vehicle_registered', subject: v.id, data: { vehicleId: v.id, plate: v.plate, country: v.country, kind: v.kind, axles: v.axles, ownerEnterpriseId: owner } });
      w.audit({ action: 'gate.vehicle_registered', targetType: 'vehicle', targetId: v.id, details: { plate: v.plate, kind: v.kind } });
      return v;
    });
  }

  /** One vehicle by id or plate, if the actor may see it. */
  async vehicle(ctx: RequestContext, key: { id?: string; plate?: string }): Promise<Vehicle> {
    const v = key.id ? await registry.vehicleById(this.db, key.id) : await registry.vehicleByPlate(this.db, key.plate ?? '');
    if (!v || !registryPolicy.read(ctx.actor!, { enterpriseId: v.ownerEnterpriseId })) throw gateError('GATE_VEHICLE_NOT_FOUND', `No vehicle ${key.id ?? key.plate}`);
    return v;
  }

  /** The vehicles the actor may see (a declarant: its enterprise's). */
  async vehicles(ctx: RequestContext, limit = 200): Promise<Vehicle[]> {
    const a = ctx.actor!;
    return registry.vehicles(this.db, hasRole(a, 'declarant') ? a.enterpriseId ?? '-' : null, limit);
  }

  /** The registered vehicle with this plate, whoever owns it (the booking's trailer check). */
  byPlate(plate: string): Promise<Vehicle | null> {
    return registry.vehicleByPlate(this.db, plate);
  }

  /** Registers a driver (one per travel document). */
  async registerDriver(ctx: RequestContext, input: DriverInput): Promise<Driver> {
    const actor = ctx.actor!;
    return this.uow.run(ctx, async (w) => {
      const d: Driver = {
        id: this.ids.next('drv'), name: input.name.trim(), document: { number: input.document.number.trim().toUpperCase(), country: input.document.country },
        licence: { ...input.licence, number: input.licence.number.trim().toUpperCase() }, enterpriseId: hasRole(actor, 'declarant') ? actor.enterpriseId : null, createdAt: w.now,
      };
      if (!(await registry.insertDriver(w.tx, d))) throw gateError('GATE_DRIVER_EXISTS', `A driver with ${d.document.country} document ${d.document.number} is registered already`);
      w.emit({ type: 'gate.driver_registered', subject: d.id, data: { driverId: d.id, documentCountry: d.document.country, enterpriseId: d.enterpriseId } });
      w.audit({ action: 'gate.driver_registered', targetType: 'driver', targetId: d.id, details: { documentCountry: d.document.country } });
      return d;
    });
  }

  /** One driver by id or document. */
  async driver(ctx: RequestContext, key: { id?: string; country?: string; number?: string }): Promise<Driver> {
    const d = key.id ? await registry.driverById(this.db, key.id) : await registry.driverByDocument(this.db, key.country ?? '', (key.number ?? '').trim().toUpperCase());
    if (!d || !registryPolicy.read(ctx.actor!, { enterpriseId: d.enterpriseId })) throw gateError('GATE_DRIVER_NOT_FOUND', `No driver ${key.id ?? key.number}`);
    return d;
  }
}
