import { useI18n } from '../../i18n/index.tsx';
import type { ExchangeMessage } from './api.ts';
import { statusCode, statusLabel } from './labels.ts';

/** A message's status as a badge: the word is always written, the colour only repeats it. */
export function StatusBadge({ message }: { message: Pick<ExchangeMessage, 'direction' | 'state' | 'attempts'> }) {
  const { t } = useI18n();
  return <span className={`status exchange-status-${statusCode(message).replace('.', '-')}`}>{statusLabel(t, message)}</span>;
}
