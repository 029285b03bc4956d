/** The IOC HTTP and WebSocket API as the operations centre calls it (contract: docs/ioc.md). */
import { useEffect, useRef, useState } from 'react';
import { request } from '../api.ts';

/** Clearance percentiles of one direction, minutes. */
export interface ClearanceStats { p50: number | null; p90: number | null; count: number }

/** The KPIs at one minute. */
export interface KpiPoint {
  minute: string;
  vehiclesPerHour: number;
  arrivalsPerHour: number;
  peoplePerHour: number;
  peopleMeasured: boolean;
  clearance: { inbound: ClearanceStats; outbound: ClearanceStats };
  queue: { inbound: number; outbound: number };
  yardOccupied: number;
  channelMix: { green: number; yellow: number; red: number };
  slotAdherence: number | null;
}

/** An alert as the server presents it. */
export interface AlertView {
  id: string;
  rule: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  state: 'open' | 'acknowledged' | 'resolved';
  raisedAt: string;
  acknowledgedBy: string | null;
  assignee: string | null;
  escalationLevel: number;
}

/** The live site picture. */
export interface SitePicture {
  at: string;
  gate: string;
  lanes: Array<{ direction: string; laneClass: string; lanes: number; open: number; waiting: number }>;
  yard: { occupied: number; capacity: number; ratio: number };
  trucks: Array<{ journeyId: string; plate: string; direction: string; laneClass: string; stage: string; since: string }>;
  devices: Array<{ deviceId: string; kind: string; lastSeen: string; state: string | null; silent: boolean }>;
  agv: { configured: boolean; handedOverLastHour: number };
  egates: { lanes: number; measured: boolean };
  kpis: KpiPoint;
  alerts: AlertView[];
}

/** An incident with its timeline. */
export interface IncidentView {
  id: string;
  title: string;
  agency: string;
  state: 'open' | 'resolved';
  alertId: string | null;
  openedBy: string;
  openedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  notes: Array<{ seq: number; at: string; author: string; kind: 'opened' | 'note' | 'assigned' | 'resolved'; text: string }>;
}

/** The public status. */
export interface PublicStatus {
  updatedAt: string;
  gate: string;
  lanes: Array<{ direction: string; goodsClass: string; lanesOpen: number; waiting: number; estimatedWaitMinutes: number | null }>;
  measuredClearanceMinutes: { inbound: number | null; outbound: number | null };
  peopleMeasured: boolean;
}

/** The agencies an incident can be handed to. */
export const AGENCIES = ['customs', 'border_guard', 'quarantine', 'gate_operator', 'partner_side'] as const;

const BASE = '/api/ioc';
const enc = encodeURIComponent;

/** KPIs per minute over a range. */
export async function getKpis(from: Date, to: Date): Promise<KpiPoint[]> {
  const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return (await request<{ items: KpiPoint[] }>('GET', `${BASE}/kpis?${q}`)).items;
}

/** The site picture now. */
export function getSnapshot(): Promise<SitePicture> {
  return request('GET', `${BASE}/snapshot`);
}

/** Acknowledges, escalates or assigns an alert. */
export function actOnAlert(id: string, action: 'acknowledge' | 'escalate' | 'resolve' | 'assign', assignee?: string): Promise<AlertView> {
  return request('POST', `${BASE}/alerts/${enc(id)}/${action}`, action === 'assign' ? { assignee } : {});
}

/** Incidents, newest first. */
export async function listIncidents(): Promise<IncidentView[]> {
  return (await request<{ items: IncidentView[] }>('GET', `${BASE}/incidents`)).items;
}

/** One incident. */
export function getIncident(id: string): Promise<IncidentView> {
  return request('GET', `${BASE}/incidents/${enc(id)}`);
}

/** Opens an incident, from an alert or by hand. */
export function openIncident(body: { title?: string; agency: string; alertId?: string; note?: string }): Promise<IncidentView> {
  return request('POST', `${BASE}/incidents`, body);
}

/** Hands to an agency, adds a note, or resolves. */
export function actOnIncident(id: string, action: 'assign' | 'notes' | 'resolve', body: Record<string, string>): Promise<IncidentView> {
  return request('POST', `${BASE}/incidents/${enc(id)}/${action}`, body);
}

/** The public status (no login). */
export function getPublicStatus(): Promise<PublicStatus> {
  return request('GET', '/api/public/status');
}

/** The connection state of the live feed. */
export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * The live site picture: the WebSocket's first message, then every push. Reconnects after a
 * drop (1 s, then up to 10 s); the session cookie authenticates the socket.
 */
export function useLivePicture(): { picture: SitePicture | null; state: LiveState; refresh: () => void } {
  const [picture, setPicture] = useState<SitePicture | null>(null);
  const [state, setState] = useState<LiveState>('connecting');
  const retry = useRef(1000);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const connect = () => {
      const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${BASE}/live`;
      socket = new WebSocket(url);
      socket.onmessage = (e) => {
        const msg = JSON.parse(String(e.data)) as { type: string; data: SitePicture };
        if (msg.type === 'picture') {
          retry.current = 1000;
          setState('live');
          setPicture(msg.data);
        }
      };
      socket.onclose = () => {
        if (stopped) return;
        setState('offline');
        timer = setTimeout(connect, retry.current);
        retry.current = Math.min(retry.current * 2, 10_000);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    };
  }, []);
  const refresh = () => {
    getSnapshot().then(setPicture, () => undefined);
  };
  return { picture, state, refresh };
}
