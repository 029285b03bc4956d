/** The identity administration API as the admin page calls it (contract: docs/api.md, `/api/identity`). */
import { request, type Role } from '../api.ts';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  enterpriseId: string | null;
  enterpriseName: string | null;
  active: boolean;
}

export interface Enterprise {
  id: string;
  taxCode: string;
  name: string;
  country: string;
  createdAt: string;
}

export interface Device {
  id: string;
  kind: string;
  name: string;
  siteId: string;
  active: boolean;
  createdAt: string;
}

/** Device kinds identity registers (`DEVICE_KINDS` on the server). */
export const DEVICE_KINDS = ['plate-camera', 'container-camera', 'barrier', 'weighbridge', 'qr-reader', 'scanner', 'egate', 'eseal-reader', 'agv', 'crane'] as const;

/** Roles a person's account may hold (`device` is for device credentials, not people). */
export const PERSON_ROLES: readonly Role[] = ['declarant', 'customs_officer', 'customs_supervisor', 'border_guard', 'ioc_operator', 'auditor', 'admin', 'partner_system'];

const idem = () => ({ headers: { 'idempotency-key': crypto.randomUUID() } });

export const listUsers = () => request<{ items: AdminUser[] }>('GET', '/api/identity/users?limit=500');
export const createUser = (body: { username: string; displayName: string; password: string; roles: string[]; enterpriseId: string | null }) =>
  request<AdminUser>('POST', '/api/identity/users', body, idem());
export const deactivateUser = (id: string) => request<AdminUser>('POST', `/api/identity/users/${encodeURIComponent(id)}/deactivate`, {}, idem());
export const listEnterprises = () => request<{ items: Enterprise[] }>('GET', '/api/identity/enterprises?limit=500');
export const createEnterprise = (body: { taxCode: string; name: string; country: 'VN' | 'CN' }) => request<Enterprise>('POST', '/api/identity/enterprises', body, idem());
export const listDevices = () => request<{ items: Device[] }>('GET', '/api/identity/devices');
export const registerDevice = (body: { id: string; kind: string; name: string }) => request<Device & { secret: string }>('POST', '/api/identity/devices', body, idem());
export const deactivateDevice = (id: string) => request<Device>('POST', `/api/identity/devices/${encodeURIComponent(id)}/deactivate`, {}, idem());

/** `/health/ready`: each dependency up or down (503 when one is down, still with the checks). */
export async function readiness(): Promise<Record<string, string>> {
  const res = await fetch('/health/ready', { cache: 'no-store' });
  const body = (await res.json()) as { checks?: Record<string, string> };
  return body.checks ?? {};
}
