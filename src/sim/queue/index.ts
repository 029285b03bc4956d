/** Queue mode of the twin: the crossing as a bare queueing network driven by a scenario. */
export { runQueueDay, simulateQueueDay, type QueueDayResult, type HourlyTrucks } from './run.ts';
export { hourlyArrivals, truckDemand, type TruckTrip, type BookingOutcome } from './arrivals.ts';
