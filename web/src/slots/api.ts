/** The gate API as the declarant's "Crossing slots" page uses it (contract: docs/gate.md). */
import { request } from '../api.ts';

/** A crossing slot with what is left on both sides. */
export interface SlotOffer {
  start: string;
  end: string;
  ourCapacity: number;
  partnerCapacity: number;
  capacity: number;
  booked: number;
  available: number;
  /** Why nothing can be booked: `partner_closed`, `full`, `past`; null when it can. */
  reason: string | null;
}

/** The fee of a crossing, with its e-receipt number. */
export interface CrossingFee {
  amount: number;
  currency: string;
  receipt: string;
  paid: boolean;
}

/** A booking as `GET /api/gate/bookings/{id}` answers it. */
export interface Booking {
  id: string;
  declarationId: string;
  enterpriseId: string;
  gate: string;
  direction: string;
  laneClass: string;
  slotStart: string;
  plate: string;
  driver: { name: string; document: string };
  status: string;
  rebookings: number;
}

/** A booking in the list, with its truck's journey. */
export interface BookingItem extends Booking {
  journey: { id: string; state: string; vehicleClass: string; trailerPlate: string | null; fee: CrossingFee | null } | null;
}

/** A registered vehicle of the enterprise. */
export interface Vehicle {
  id: string;
  plate: string;
  country: string;
  kind: 'tractor' | 'truck' | 'trailer';
  axles: number;
}

/** What the booking form sends. */
export interface NewBooking {
  declarationId: string;
  direction: string;
  laneClass: string;
  slotStart: string;
  plate: string;
  vehicleClass: string;
  trailerPlate?: string;
  driver: { name: string; document: string };
}

const enc = encodeURIComponent;

/** A page of the caller's bookings, newest slot first. */
export function listBookings(q: { cursor?: string | null; declarationId?: string; limit?: number } = {}): Promise<{ items: BookingItem[]; next: string | null }> {
  const p = new URLSearchParams({ limit: String(q.limit ?? 20) });
  if (q.cursor) p.set('cursor', q.cursor);
  if (q.declarationId) p.set('declarationId', q.declarationId);
  return request('GET', `/api/gate/bookings?${p}`);
}

/** One booking. */
export const getBooking = (id: string) => request<Booking>('GET', `/api/gate/bookings/${enc(id)}`);
/** The signed crossing pass (QR content) of an active booking. */
export const getPass = (id: string) => request<{ token: string; expiresAt: string }>('GET', `/api/gate/bookings/${enc(id)}/pass`);
/** Books a slot. */
export const createBooking = (b: NewBooking) => request<Booking & { journeyId: string }>('POST', '/api/gate/bookings', b);
/** Moves a booking to another slot. */
export const rebook = (id: string, slotStart: string) => request<Booking>('POST', `/api/gate/bookings/${enc(id)}/rebook`, { slotStart });
/** The enterprise's registered vehicles. */
export const listVehicles = () => request<{ items: Vehicle[] }>('GET', '/api/gate/vehicles').then((r) => r.items);

/** The slots of a day (Vietnam time, 48 half hours) for a direction and lane class. */
export function daySlots(day: string, direction: string, laneClass: string): Promise<SlotOffer[]> {
  const from = new Date(`${day}T00:00:00+07:00`).toISOString();
  const p = new URLSearchParams({ direction, laneClass, from, count: '48' });
  return request<{ items: SlotOffer[] }>('GET', `/api/gate/slots?${p}`).then((r) => r.items);
}

/** The driver page's link for a pass: the token rides in the fragment, which never reaches a server log. */
export function driverLink(token: string, origin = window.location.origin): string {
  return `${origin}/driver#${enc(token)}`;
}

/** Registers a vehicle of the caller's enterprise. */
export const registerVehicle = (v: { plate: string; kind: Vehicle['kind']; axles: number }) => request<Vehicle>('POST', '/api/gate/vehicles', v);
