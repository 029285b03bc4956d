import { typed, type Executor } from '../../../infra/db/index.ts';
import { compactPlate } from '../plates.ts';
import type { Driver, Vehicle, VehicleKind } from '../registry.ts';
import { json, type DriverRow, type Tables, type VehicleRow } from './tables.ts';

const toVehicle = (r: VehicleRow): Vehicle => ({
  id: r.id, plate: r.plate, country: r.country as Vehicle['country'], kind: r.kind as VehicleKind, axles: r.axles, ownerEnterpriseId: r.owner_enterprise_id, createdAt: new Date(r.created_at),
});
const toDriver = (r: DriverRow): Driver => ({
  id: r.id, name: r.name, document: { number: r.document_number, country: r.document_country },
  licence: { number: r.licence_number, country: r.licence_country, classes: r.licence_classes as string[], expiresOn: r.licence_expires_on }, enterpriseId: r.enterprise_id, createdAt: new Date(r.created_at),
});

/** Registered vehicles (one per plate) and drivers (one per document). */
export const registry = {
  /** Inserts a vehicle; false when the plate is registered already. */
  async insertVehicle(x: Executor, v: Vehicle): Promise<boolean> {
    const r = await typed<Tables>(x).insertInto('gate.vehicles').values({
      id: v.id, plate: v.plate, plate_key: compactPlate(v.plate), country: v.country, kind: v.kind, axles: v.axles, owner_enterprise_id: v.ownerEnterpriseId, created_at: v.createdAt, updated_at: v.createdAt,
    }).onConflict((oc) => oc.column('plate_key').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async vehicleById(x: Executor, id: string): Promise<Vehicle | null> {
    const r = await typed<Tables>(x).selectFrom('gate.vehicles').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toVehicle(r) : null;
  },
  async vehicleByPlate(x: Executor, plate: string): Promise<Vehicle | null> {
    const r = await typed<Tables>(x).selectFrom('gate.vehicles').selectAll().where('plate_key', '=', compactPlate(plate)).executeTakeFirst();
    return r ? toVehicle(r) : null;
  },
  async vehicles(x: Executor, ownerEnterpriseId: string | null, limit: number): Promise<Vehicle[]> {
    let q = typed<Tables>(x).selectFrom('gate.vehicles').selectAll().orderBy('id').limit(limit);
    if (ownerEnterpriseId) q = q.where('owner_enterprise_id', '=', ownerEnterpriseId);
    return (await q.execute()).map(toVehicle);
  },
  /** Inserts a driver; false when the document is registered already. */
  async insertDriver(x: Executor, d: Driver): Promise<boolean> {
    const r = await typed<Tables>(x).insertInto('gate.drivers').values({
      id: d.id, name: d.name, document_number: d.document.number, document_country: d.document.country, licence_number: d.licence.number, licence_country: d.licence.country,
      licence_classes: json(d.licence.classes), licence_expires_on: d.licence.expiresOn, enterprise_id: d.enterpriseId, created_at: d.createdAt, updated_at: d.createdAt,
    }).onConflict((oc) => oc.columns(['document_country', 'document_number']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async driverById(x: Executor, id: string): Promise<Driver | null> {
    const r = await typed<Tables>(x).selectFrom('gate.drivers').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toDriver(r) : null;
  },
  async driverByDocument(x: Executor, country: string, number: string): Promise<Driver | null> {
    const r = await typed<Tables>(x).selectFrom('gate.drivers').selectAll().where('document_country', '=', country).where('document_number', '=', number).executeTakeFirst();
    return r ? toDriver(r) : null;
  },
};
