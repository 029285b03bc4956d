/** The device a connection authenticated as: what the broker authorizes its topics against. */
export interface DeviceIdentity {
  deviceId: string;
  /** Device kind as registered, e.g. `plate-camera`, `barrier`, `agv`. */
  kind: string;
  siteId: string;
}

/**
 * Checks a device's credentials (MQTT username = device id, password = device secret).
 * Implemented by the identity module over its table of hashed secrets; returns null for an
 * unknown or inactive device or a wrong secret, and throws only when it cannot tell.
 */
export interface DeviceAuthenticator {
  authenticate(deviceId: string, secret: string): Promise<DeviceIdentity | null>;
}

/** Options for one publish. QoS 2 is left out on purpose: devices and brokers differ too much. */
export interface PublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
}

/** Receives one message; a thrown error or rejection is logged and never reaches the broker. */
export type MessageHandler = (topic: string, payload: Buffer) => void | Promise<void>;

/** The platform's view of MQTT, the same whether the broker is embedded or external. */
export interface MqttBus {
  /** Publishes; objects are sent as UTF-8 JSON. Rejects when the broker is unreachable or closed. */
  publish(topic: string, payload: object | string | Buffer, opts?: PublishOptions): Promise<void>;
  /**
   * Subscribes `handler` to a topic filter (wildcards allowed). Messages reach one handler one at
   * a time, in arrival order. Resolves to a function that removes this subscription.
   */
  subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>>;
  /**
   * Closes the connections of a device that may no longer talk to us (deactivated); answers how
   * many. An external broker authenticates devices itself: revoke them there (this answers 0).
   */
  disconnectDevice(deviceId: string): number;
  /** True while the broker is reachable: what `/health/ready` reports. */
  ping(): Promise<boolean>;
  /** Stops the broker or disconnects the client; safe to call twice. */
  close(): Promise<void>;
}
