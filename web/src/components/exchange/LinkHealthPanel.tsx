import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { KeyValidity, LinkHealth } from './api.ts';

/** A list of keys with their validity. */
function KeyList({ title, keys }: { title: string; keys: readonly KeyValidity[] }) {
  const { t } = useI18n();
  const f = useFormats();
  return (
    <div className="exchange-keys">
      <h4 className="subheading">{title}</h4>
      <ul className="exchange-key-list" aria-label={title}>
        {keys.map((k) => (
          <li key={k.keyId}>
            <span className="mono">{k.keyId}</span>
            <span className="muted">
              {k.validUntil ? t('exchange.health.validRange', { from: f.dateTime(k.validFrom), until: f.dateTime(k.validUntil) }) : t('exchange.health.validOpen', { from: f.dateTime(k.validFrom) })}
            </span>
            <span className={`status ${k.validNow ? 'exchange-status-out-acknowledged' : 'exchange-status-out-dead'}`}>{k.validNow ? t('exchange.health.keyValid') : t('exchange.health.keyInvalid')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One partner's link: the figures a watcher needs, the reasons to act, and both sides' keys. */
function PartnerLink({ h }: { h: LinkHealth }) {
  const { t } = useI18n();
  const f = useFormats();
  const id = `exchange-partner-${h.partner.id}`;
  const age = h.outbox.oldestUnacknowledgedSeconds;
  return (
    <section className="exchange-partner" aria-labelledby={id}>
      <h3 id={id}>
        {h.partner.name} <span className="mono muted">({h.partner.id})</span>
      </h3>
      <p className="mono muted hash">
        <span className="visually-hidden">{t('exchange.health.endpoint')}: </span>
        {h.partner.endpoint}
      </p>
      <dl className="exchange-figures">
        <div className={h.outbox.retrying > 0 ? 'figure-alert' : undefined}>
          <dt>{t('exchange.health.waiting')}</dt>
          <dd>
            {h.outbox.waiting}
            {h.outbox.retrying > 0 && <span className="cell-note">{t('exchange.health.retrying', { n: String(h.outbox.retrying) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('exchange.health.oldest')}</dt>
          <dd>{age === null ? t('exchange.none') : t('exchange.health.oldestAge', { age: f.duration(Math.floor(age / 60)) })}</dd>
        </div>
        <div>
          <dt>{t('exchange.health.lastDelivery')}</dt>
          <dd>{h.outbox.lastDeliveredAt ? f.dateTime(h.outbox.lastDeliveredAt) : t('exchange.never')}</dd>
        </div>
        <div className={h.outbox.deadLettered > 0 ? 'figure-alert' : undefined}>
          <dt>{t('exchange.health.deadLetters')}</dt>
          <dd>{h.outbox.deadLettered}</dd>
        </div>
        <div>
          <dt>{t('exchange.health.received')}</dt>
          <dd>{h.inbox.received}</dd>
        </div>
        <div>
          <dt>{t('exchange.health.lastReceived')}</dt>
          <dd>{h.inbox.lastReceivedAt ? f.dateTime(h.inbox.lastReceivedAt) : t('exchange.never')}</dd>
        </div>
      </dl>
      {h.attention.length === 0 ? (
        <p className="alert alert-success">{t('exchange.health.ok')}</p>
      ) : (
        <div className="alert alert-warning">
          <ul className="exchange-attention">
            {h.attention.map((a) => (
              <li key={a}>{codeLabel(t, 'exchange.attention.', a)}</li>
            ))}
          </ul>
          {h.outbox.lastError && <p className="mono hash">{t('exchange.health.lastError', { error: h.outbox.lastError })}</p>}
        </div>
      )}
      <KeyList title={t('exchange.health.ourKeys')} keys={h.ourKeys} />
      <KeyList title={t('exchange.health.partnerKeys')} keys={h.partnerKeys} />
    </section>
  );
}

/** The health of the link with every partner. */
export function LinkHealthPanel({ items }: { items: readonly LinkHealth[] | null }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="exchange-health-title">
      <h2 id="exchange-health-title">{t('exchange.health.title')}</h2>
      {items === null && <p role="status">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="empty-state">{t('exchange.health.empty')}</p>}
      {items && items.length > 0 && (
        <div className="exchange-partners">
          {items.map((h) => (
            <PartnerLink key={h.partner.id} h={h} />
          ))}
        </div>
      )}
    </section>
  );
}
