export { EventBus, type Consumer, type EventBusOptions } from './bus.ts';
export { appendEvents, type DomainEvent, type NewEvent } from './outbox.ts';
export { platformMigrations } from './migrations.ts';
export { UnitOfWork, type Write } from './unit-of-work.ts';
