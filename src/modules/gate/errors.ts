import { defineErrors } from '../../infra/errors/index.ts';

/** The gate's error codes (docs/gate.md lists where each comes from). */
export const gateError = defineErrors('gate', {
  GATE_BOOKING_NOT_FOUND: { status: 404, title: 'Booking not found', fix: 'Check the id; a declarant sees only the bookings of its own enterprise.' },
  GATE_JOURNEY_NOT_FOUND: { status: 404, title: 'Journey not found', fix: 'Check the journey id (`jrn_…`).' },
  GATE_DECLARATION_UNKNOWN: { status: 422, title: 'No such declaration for this enterprise', fix: 'Book with the id of one of your submitted declarations (`decl_…`).' },
  GATE_DECLARATION_NOT_BOOKABLE: { status: 409, title: 'The declaration cannot be booked', fix: 'Submit the declaration first; cancelled and rejected declarations cannot cross. `detail` names the mismatch (gate, direction, plate).' },
  GATE_SLOT_UNAVAILABLE: { status: 409, title: 'The slot is not available', fix: 'Pick a slot from `GET /api/gate/slots` with `available` > 0; `reason` says why this one is not.' },
  GATE_BOOKING_LIMIT: { status: 429, title: 'Too many active bookings for this enterprise', fix: 'Cancel or use existing bookings first; the limit stops slot hoarding.' },
  GATE_ALREADY_BOOKED: { status: 409, title: 'The declaration already has an active booking', fix: 'Rebook the existing booking instead of booking again.' },
  GATE_REBOOK_NOT_ALLOWED: { status: 409, title: 'The booking cannot be rebooked', fix: '`detail` says why: too close to the slot, too many rebookings, or no longer active.' },
  GATE_TRANSITION_NOT_ALLOWED: { status: 409, title: 'Not possible in the journey\'s current state', fix: 'Reload the journey; `state` in the problem says where it is.' },
  GATE_EXCEPTIONS_OPEN: { status: 409, title: 'The journey has open exceptions', fix: 'Resolve them, or have an officer override each with a reason.' },
  GATE_REASON_REQUIRED: { status: 400, title: 'A reason is required', fix: 'Give a reason of at least 3 characters; it is audited.' },
  GATE_NO_SUCH_EXCEPTION: { status: 409, title: 'No open exception of that kind', fix: 'Override only an exception listed as open on the journey.' },
  GATE_DEVICE_UNAUTHENTICATED: { status: 401, title: 'Device not authenticated', fix: 'Send `X-Device-Id` and `X-Device-Secret` (or HTTP Basic) of a registered, active device.' },
  GATE_DEVICE_KIND_UNSUPPORTED: { status: 403, title: 'This device kind cannot send this read', fix: 'Plate reads come from plate cameras and barriers, weights from weighbridges, passes from QR readers.' },
  GATE_REFERRAL_NOT_FOUND: { status: 404, title: 'Referral not found', fix: 'Check the referral id (`ref_…`) in `GET /api/gate/referrals`.' },
  GATE_REFERRAL_RESOLVED: { status: 409, title: 'The referral is already resolved', fix: 'Reload the referrals; another officer resolved it.' },
  GATE_NOT_A_CANDIDATE: { status: 422, title: 'Not a truck this referral can be resolved to', fix: 'Choose one of the referral\'s `candidates[].id` or another truck still on its way through this gate, or resolve with no journey (`journeyId: null`).' },
  GATE_PLATE_INVALID: { status: 400, title: 'Not a Vietnamese or Chinese plate', fix: 'Give the plate as printed, e.g. `29C-123.45` or `桂A12345`; trailers `29R-…` or `桂A1234挂`.' },
  GATE_VEHICLE_EXISTS: { status: 409, title: 'The vehicle is already registered', fix: 'Look it up with `GET /api/gate/vehicles?plate=…`.' },
  GATE_VEHICLE_NOT_FOUND: { status: 404, title: 'Vehicle not found', fix: 'Check the id (`veh_…`) or plate; a declarant sees only its own enterprise\'s vehicles.' },
  GATE_DRIVER_EXISTS: { status: 409, title: 'A driver with this document is already registered', fix: 'Look the driver up instead of registering again.' },
  GATE_DRIVER_NOT_FOUND: { status: 404, title: 'Driver not found', fix: 'Check the id (`drv_…`).' },
  GATE_TRAILER_INVALID: { status: 422, title: 'Not a trailer', fix: 'Pair a trailer plate (`29R-…`, `…挂`) or a vehicle registered as a trailer.' },
  GATE_PASS_INVALID: { status: 404, title: 'No such pass', fix: 'Open the link from the crossing pass again; the pass may have expired or the booking been cancelled.' },
  GATE_YARD_FULL: { status: 409, title: 'The yard is full', fix: 'Hold trucks at the outer gate until trucks are called forward.' },
});

/** A gate error code. */
export type GateErrorCode = Parameters<typeof gateError>[0];
