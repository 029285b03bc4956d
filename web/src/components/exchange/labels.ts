/** Words for the exchange's codes: message status, type, direction. */
import { codeLabel } from '../../customs/labels.ts';
import type { Translate } from '../../i18n/index.tsx';
import type { ExchangeMessage } from './api.ts';

/** The status a person reads: a pending outgoing message is queued until its first failure, then retrying. */
export function statusCode(m: Pick<ExchangeMessage, 'direction' | 'state' | 'attempts'>): string {
  if (m.direction === 'out' && m.state === 'pending') return (m.attempts ?? 0) > 0 ? 'out.retrying' : 'out.queued';
  return `${m.direction}.${m.state}`;
}

/** The translated status of a message (the raw state for one this UI does not know). */
export function statusLabel(t: Translate, m: Pick<ExchangeMessage, 'direction' | 'state' | 'attempts'>): string {
  const label = codeLabel(t, 'exchange.status.', statusCode(m));
  return label === statusCode(m) ? m.state : label;
}

/** The translated name of a message type, or the type itself. */
export const typeLabel = (t: Translate, type: string) => codeLabel(t, 'exchange.type.', type);
