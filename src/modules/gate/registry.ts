/** The vehicle and driver registry's types and rules, pure. */
import { parsePlate, type Plate } from './plates.ts';

/** What a vehicle is, for pairing and fees. */
export const VEHICLE_KINDS = ['tractor', 'truck', 'trailer'] as const;
/** A vehicle kind. */
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** A registered vehicle. */
export interface Vehicle {
  id: string;
  /** Canonical spelling (`29C-123.45`, `桂A12345`). */
  plate: string;
  country: 'VN' | 'CN';
  kind: VehicleKind;
  axles: number;
  ownerEnterpriseId: string;
  createdAt: Date;
}

/** A registered driver. */
export interface Driver {
  id: string;
  name: string;
  document: { number: string; country: string };
  licence: { number: string; country: string; classes: string[]; expiresOn: string };
  enterpriseId: string | null;
  createdAt: Date;
}

/** Why a vehicle cannot be registered as given (the field and the message), or the parsed plate. */
export function checkVehicle(v: { plate: string; kind: VehicleKind; country?: string }): { ok: true; plate: Plate } | { ok: false; pointer: string; message: string } {
  const plate = parsePlate(v.plate);
  if (!plate) return { ok: false, pointer: '/plate', message: `${v.plate} is not a Vietnamese or Chinese plate` };
  if (v.country && v.country !== plate.country) return { ok: false, pointer: '/country', message: `the plate is ${plate.country}, not ${v.country}` };
  if (plate.trailer !== (v.kind === 'trailer')) return { ok: false, pointer: '/kind', message: plate.trailer ? 'a trailer plate belongs to a trailer' : 'a trailer carries a trailer plate (29R-…, …挂)' };
  return { ok: true, plate };
}

/**
 * Whether `trailerPlate` can be paired with a tractor for a trip: a trailer plate, or a vehicle
 * registered as a trailer. Answers the refusal's message, or null.
 */
export function trailerProblem(trailerPlate: string, registered: Vehicle | null): string | null {
  if (registered) return registered.kind === 'trailer' ? null : `${registered.plate} is registered as a ${registered.kind}, not a trailer`;
  const p = parsePlate(trailerPlate);
  if (!p) return `${trailerPlate} is not a Vietnamese or Chinese plate`;
  return p.trailer ? null : `${p.normalized} is not a trailer plate`;
}
