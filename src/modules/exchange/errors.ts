import { defineErrors } from '../../infra/errors/index.ts';

/** The exchange's error codes; the inbox refusals are what a partner system sees (docs/exchange.md). */
export const exchangeError = defineErrors('exchange', {
  EXCHANGE_MESSAGE_MALFORMED: { status: 400, title: 'The partner message is not a signed message', fix: 'Send `{ message, keyId, signature }`; `errors` names the fields.' },
  EXCHANGE_PARTNER_UNKNOWN: { status: 403, title: 'The sender is not a configured partner', fix: 'The receiving site must list the sender under `/api/exchange/partners` (or `EXCHANGE_PARTNERS`).' },
  EXCHANGE_NOT_ADDRESSED_HERE: { status: 422, title: 'The message is addressed to another site', fix: 'Send it to the endpoint of the site named in `to`.' },
  EXCHANGE_KEY_UNKNOWN: { status: 401, title: 'The signing key is not known for this partner', fix: 'Publish the new key (`GET /api/exchange/keys`) signed by a current key, or have the receiving admin add it.' },
  EXCHANGE_KEY_EXPIRED: { status: 401, title: 'The signing key is outside its validity', fix: 'Sign with the current key; a retired key stops verifying when its rotation overlap ends.' },
  EXCHANGE_SIGNATURE_INVALID: { status: 401, title: 'The signature does not verify', fix: 'Sign the RFC 8785 canonical form of `message` with the Ed25519 key named by `keyId`.' },
  EXCHANGE_SCHEMA_INVALID: { status: 422, title: 'The message does not match its schema', fix: 'Correct every field in `errors`; docs/exchange.md has the schema of each type and version.' },
  EXCHANGE_TYPE_NOT_ALLOWED: { status: 403, title: 'This message type is not agreed with this partner', fix: 'Agree the type in the partner configuration (`sends`/`receives`).' },
  EXCHANGE_OUT_OF_WINDOW: { status: 422, title: 'The message was created outside the accepted time window', fix: 'Check both clocks; a message older than the window must be re-issued as a new message.' },
  EXCHANGE_MESSAGE_REPLAYED: { status: 409, title: 'The message id or sequence was already used for other content', fix: 'Never reuse a message id or sequence; a true duplicate (same content) is acknowledged again.' },
  EXCHANGE_PARTNER_NOT_FOUND: { status: 404, title: 'No such partner', fix: 'Check the partner id (e.g. `CN-DONGXING`) against `GET /api/exchange/partners`.' },
  EXCHANGE_MESSAGE_NOT_FOUND: { status: 404, title: 'No such message', fix: 'Check the id (`msg_…`).' },
  EXCHANGE_NOT_DEAD_LETTERED: { status: 409, title: 'The message is not dead-lettered', fix: 'Only a dead-lettered message can be retried; pending ones are retried automatically.' },
  EXCHANGE_KEYS_UNVERIFIED: { status: 422, title: 'The partner key list could not be verified', fix: 'The list must be signed by a key we already hold for the partner; otherwise configure the keys by hand.' },
  EXCHANGE_ADVANCE_NOT_FOUND: { status: 404, title: 'No such advance declaration for your enterprise', fix: 'List yours with `GET /api/exchange/advance-declarations`.' },
});

/** An exchange error code. */
export type ExchangeErrorCode = Parameters<typeof exchangeError>[0];
