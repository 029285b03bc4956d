import { codeLabel } from '../../customs/labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import { stateLabel } from '../../problems.ts';

/** A declaration's lifecycle state as a badge. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`status status-${state}`}>{stateLabel(state, t)}</span>;
}

/** A risk channel as a coloured badge (its name is always written, never colour alone). */
export function ChannelBadge({ channel }: { channel: string | null }) {
  const { t } = useI18n();
  if (!channel) return <span className="channel channel-none">{t('customs.channel.none')}</span>;
  return (
    <span className={`channel channel-${channel}`}>
      <span className="channel-dot" aria-hidden="true" />
      {codeLabel(t, 'customs.channel.', channel)}
    </span>
  );
}
