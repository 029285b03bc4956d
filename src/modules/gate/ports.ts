/** What the gate needs from outside, as narrow ports the composition root fills in. */
import type { Executor } from '../../infra/db/index.ts';

/** The gate's view of a customs declaration (filled by the customs module's `declarationForGate`). */
export interface DeclarationSummary {
  id: string;
  enterpriseId: string;
  state: string;
  direction: 'inbound' | 'outbound' | null;
  borderGate: string | null;
  tractorPlate: string | null;
  driverDocument: string | null;
  containers: string[];
  scanSelected: boolean;
  released: boolean;
}

/** Looks a declaration up by id. */
export type DeclarationLookup = (db: Executor, id: string) => Promise<DeclarationSummary | null>;

/** A device as identity authenticated it. */
export interface DeviceIdentity {
  deviceId: string;
  kind: string;
  siteId: string;
}

/** Checks a device's secret (identity's `authenticateDevice`). */
export type DeviceAuthenticate = (deviceId: string, secret: string) => Promise<DeviceIdentity | null>;

/** Sends a command to a barrier (MQTT in the platform; a recorder in tests). */
export type BarrierCommandSink = (deviceId: string, deviceKind: string, command: BarrierCommand) => Promise<void>;

/** What the platform tells a barrier. */
export interface BarrierCommand {
  commandId: string;
  readId: string;
  action: 'open' | 'hold';
  journeyId: string | null;
  reasons: Array<{ code: string; message: string }>;
  at: string;
}
