/** The gate API as the operations page and the driver page use it. */
import { request } from '../api.ts';

/** A truck in the yard queue. */
export interface QueuedTruck {
  journeyId: string;
  plate: string;
  laneClass: string;
  slotStart: string;
  position: number;
  estimatedWaitMinutes: number;
}

/** Dwell figures of one stage. */
export interface StageDwell {
  stage: string;
  completed: number;
  p50Minutes: number | null;
  p90Minutes: number | null;
  current: number;
  longestCurrentMinutes: number | null;
}

/** A truck held by open exceptions. */
export interface HeldTruck {
  journeyId: string;
  plate: string;
  state: string;
  exceptions: Array<{ kind: string; detail: string; raisedAt: string }>;
}

/** `GET /api/gate/overview`. */
export interface GateOverview {
  at: string;
  lanes: Array<{ direction: string; laneClass: string; lanes: number; trucksPerHourPerLane: number; trucksPerSlot: number }>;
  yard: { occupancy: number; capacity: number; waiting: number; calledForward: number; atOuterGate: number; queue: QueuedTruck[] };
  dwell: StageDwell[];
  held: HeldTruck[];
}

/** A read waiting for an officer. */
export interface Referral {
  id: string;
  deviceId: string;
  reason: string;
  read: string;
  candidates: Array<{ id: string; plate: string; distance: number }> | string[];
  createdAt: string;
}

/** `POST /api/public/gate/pass-status`. */
export interface PassStatus {
  plate: string;
  gate: string;
  direction: string;
  slotStart: string;
  state: string;
  stages: Array<{ stage: string; at: string }>;
  holds: string[];
  position: number | null;
  estimatedWaitMinutes: number | null;
  passExpiresAt: string;
}

export const getOverview = () => request<GateOverview>('GET', '/api/gate/overview');
export const getReferrals = () => request<{ items: Referral[] }>('GET', '/api/gate/referrals').then((r) => r.items);
export const resolveReferral = (id: string, journeyId: string | null, reason: string) =>
  request<unknown>('POST', `/api/gate/referrals/${encodeURIComponent(id)}/resolve`, { journeyId, reason });
export const overrideException = (journeyId: string, exception: string, reason: string) =>
  request<unknown>('POST', `/api/gate/journeys/${encodeURIComponent(journeyId)}/override`, { exception, reason });
export const callForward = () => request<unknown>('POST', '/api/gate/yard/call-forward', { count: 1 });
export const passStatus = (token: string) => request<PassStatus>('POST', '/api/public/gate/pass-status', { token });
