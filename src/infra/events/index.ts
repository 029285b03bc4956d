export { EventBus, type Consumer, type EventBusOptions, type PruneResult } from './bus.ts';
export { appendEvents, isEventType, type DomainEvent, type NewEvent } from './outbox.ts';
export { markProcessed } from './processed.ts';
export { platformMigrations } from './migrations.ts';
export { UnitOfWork, writeInDelivery, type Write } from './unit-of-work.ts';
export { connectJetStream, PUBLISHER_NAME, type JetStreamEvents, type JetStreamOptions } from './jetstream.ts';
export type { RemoteConsumer } from './jetstream-consumer.ts';
export { DEFAULT_STREAM, DEFAULT_SUBJECT_PREFIX, eventSubject } from './jetstream-wire.ts';
