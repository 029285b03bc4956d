/**
 * How the twin's actors reach the platform. One interface, two transports: Fastify `inject`
 * in-process (platform mode: no sockets, the virtual clock) and real HTTP + MQTT (the live twin:
 * exactly what a declarant's browser, an officer's console and a gate device send).
 */
import type { HttpApp } from '../../infra/http/index.ts';

/** An answer of the platform's HTTP API. */
export interface TwinReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are read field by field by the actors
  body: any;
}

/** A request to the platform's HTTP API. */
export interface TwinRequest {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A registered device and its secret. */
export interface TwinDevice {
  id: string;
  kind: 'plate-camera' | 'barrier' | 'weighbridge' | 'qr-reader';
  secret: string;
}

/** The platform as the twin's actors see it. */
export interface TwinTransport {
  /** People and systems: the REST API with a bearer token. */
  request(req: TwinRequest): Promise<TwinReply>;
  /**
   * A device read. Barriers need the decision, so they always use HTTP; cameras and weighbridges
   * may publish over MQTT instead (no answer: null).
   */
  deviceRead(device: TwinDevice, read: Record<string, unknown>): Promise<TwinReply | null>;
  close(): Promise<void>;
}

/** Device credentials as the gate's HTTP read endpoint takes them. */
function deviceHeaders(d: TwinDevice): Record<string, string> {
  return { 'x-device-id': d.id, 'x-device-secret': d.secret };
}

/** Hands a device read to the platform in-process (platform mode); answers as the HTTP endpoint would. */
export type InProcessReads = (device: TwinDevice, read: Record<string, unknown>) => Promise<TwinReply>;

/**
 * In-process transport over Fastify `inject`: the real routes, schemas and auth, without a
 * socket. Device reads go through `inject` too unless `reads` hands them to the gate directly.
 */
export function injectTransport(http: HttpApp, reads?: InProcessReads): TwinTransport {
  const request = async (req: TwinRequest): Promise<TwinReply> => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    const res = await http.inject({ method: req.method, url: req.path, headers, ...(req.body === undefined ? {} : { payload: req.body as object }) });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
  };
  return {
    request,
    deviceRead: (device, read) => (reads ? reads(device, read) : request({ method: 'POST', path: '/api/gate/reads', body: read, headers: deviceHeaders(device) })),
    close: async () => undefined,
  };
}

/** Publishes a device read over MQTT (the live twin's cameras and weighbridges). */
export type DevicePublisher = (device: TwinDevice, read: Record<string, unknown>) => Promise<void>;

/** Real HTTP to `baseUrl`; device reads of non-barriers go to `publish` (MQTT) when given. */
export function httpTransport(baseUrl: string, publish?: DevicePublisher, onClose: () => Promise<void> = async () => undefined): TwinTransport {
  const request = async (req: TwinRequest): Promise<TwinReply> => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + req.path, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    request,
    async deviceRead(device, read) {
      if (publish && device.kind !== 'barrier') {
        await publish(device, read);
        return null;
      }
      return request({ method: 'POST', path: '/api/gate/reads', body: read, headers: deviceHeaders(device) });
    },
    close: onClose,
  };
}
