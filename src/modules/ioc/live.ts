/**
 * Pushes the site picture to browsers over WebSocket: the full picture on connect, then again
 * after each change, coalesced (a burst of events within `coalesceMs` is one push).
 */
import type { Logger } from '../../infra/log/index.ts';
import type { SitePicture } from './picture-service.ts';

/** The socket surface the hub needs (a `ws` WebSocket). */
export interface LiveSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'close', listener: () => void): unknown;
}

const OPEN = 1;

/** One message to a browser (docs/ioc.md, "WebSocket"). */
export interface LiveMessage {
  type: 'picture';
  /** Increases by one per push of this process. */
  seq: number;
  data: SitePicture;
}

/** The set of connected browsers and the coalesced push. */
export class LiveHub {
  readonly #clients = new Set<LiveSocket>();
  #timer: NodeJS.Timeout | null = null;
  #seq = 0;
  #closed = false;

  constructor(
    private readonly picture: () => Promise<SitePicture>,
    private readonly coalesceMs: number,
    private readonly log: Logger,
  ) {}

  /** Connected browsers. */
  get size(): number {
    return this.#clients.size;
  }

  /** Adds a browser and sends it the picture now. */
  async join(socket: LiveSocket): Promise<void> {
    if (this.#closed) return socket.close(1001, 'shutting down');
    this.#clients.add(socket);
    socket.on('close', () => this.#clients.delete(socket));
    const data = await this.picture();
    this.#send(socket, { type: 'picture', seq: ++this.#seq, data });
  }

  /** Something changed: push soon (once for a burst). */
  changed(): void {
    if (this.#closed || this.#timer || this.#clients.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#push();
    }, this.coalesceMs);
  }

  async #push(): Promise<void> {
    if (this.#clients.size === 0) return;
    try {
      const message = { type: 'picture' as const, seq: ++this.#seq, data: await this.picture() };
      for (const c of this.#clients) this.#send(c, message);
    } catch (err) {
      this.log.error({ err }, 'ioc live push failed');
    }
  }

  #send(socket: LiveSocket, message: LiveMessage): void {
    if (socket.readyState === OPEN) socket.send(JSON.stringify(message));
  }

  /** Stops pushing and closes every socket. */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const c of this.#clients) c.close(1001, 'shutting down');
    this.#clients.clear();
  }
}
