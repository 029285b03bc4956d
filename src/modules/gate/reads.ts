/** Device reads as the domain sees them (mapped from the wire schemas in schema.ts). */

/** Where a plate camera or barrier stands. */
export type ReadPosition = 'entry' | 'weighbridge' | 'exit';

/** One observation from a gate device. */
export type DeviceRead =
  | { type: 'plate'; readId: string; at: Date; plate: string; confidence: number; position: ReadPosition; lane: string | null; imageHash: string | null }
  | { type: 'container'; readId: string; at: Date; container: string; confidence: number; lane: string | null; plate: string | null }
  | { type: 'seal'; readId: string; at: Date; plate: string; seal: string; status: 'intact' | 'broken' | 'tampered' | 'missing'; container: string | null }
  | { type: 'qr'; readId: string; at: Date; token: string; plate: string; driverDocument: string | null }
  | { type: 'weight'; readId: string; at: Date; grossKg: number; plate: string }
  | { type: 'barrier-state'; readId: string; at: Date; state: 'open' | 'closed' | 'fault'; commandId: string | null };

/** A reason for a decision, as the barrier display and the UI show it. */
export interface Reason {
  code: string;
  message: string;
}

/** What the platform answers a device. */
export interface ReadResult {
  readId: string;
  duplicate: boolean;
  outcome: 'matched' | 'referred' | 'recorded' | 'refused';
  journeyId: string | null;
  /** For barriers: open or hold, with reasons, and the command id published to the barrier. */
  decision: { action: 'open' | 'hold'; reasons: Reason[]; commandId: string } | null;
  detail: Record<string, unknown>;
}

/** Which device kinds may send which read types. */
export const READ_SOURCES: Readonly<Record<DeviceRead['type'], readonly string[]>> = {
  plate: ['plate-camera', 'barrier'],
  container: ['container-camera'],
  qr: ['qr-reader', 'barrier'],
  weight: ['weighbridge'],
  'barrier-state': ['barrier'],
  seal: ['eseal-reader', 'scanner'],
};

/** The value two reads must share to be the same observation (duplicate suppression). */
export function readValue(r: DeviceRead): string {
  switch (r.type) {
    case 'plate': return `plate:${r.position}:${r.plate}`;
    case 'container': return `container:${r.container}`;
    case 'qr': return `qr:${r.plate}:${r.token.slice(-24)}`;
    case 'weight': return `weight:${r.plate}:${r.grossKg}`;
    case 'barrier-state': return `barrier:${r.state}:${r.commandId ?? ''}`;
    case 'seal': return `seal:${r.plate}:${r.seal}:${r.status}`;
  }
}
