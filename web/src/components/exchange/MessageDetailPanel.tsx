import { useEffect, useRef, type ReactNode } from 'react';
import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageDetail } from './api.ts';
import { typeLabel } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One fact of the detail. */
function Fact({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono hash' : undefined}>{children}</dd>
    </div>
  );
}

/**
 * One message opened from the table: the signed envelope's fields, the partner's signed
 * acknowledgement (and whether it names the message's content hash), and the payload.
 */
export function MessageDetailPanel({ message: m, canRetry, onRetry, onClose }: { message: MessageDetail; canRetry: boolean; onRetry: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const f = useFormats();
  const e = m.envelope;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened below a long table: take the reader (and the focus) to it.
  useEffect(() => {
    heading.current?.focus();
  }, [m.id]);
  return (
    <section className="panel exchange-detail" aria-labelledby="exchange-detail-title">
      <div className="page-header-row">
        <h2 id="exchange-detail-title" className="hash" ref={heading} tabIndex={-1}>{t('exchange.detail.title', { id: m.id })}</h2>
        <div className="page-header-extra">
          <StatusBadge message={m} />
          {m.state === 'dead' && m.direction === 'out' && canRetry && (
            <button type="button" className="button button-primary button-small" onClick={onRetry}>{t('exchange.retry')}</button>
          )}
          <button type="button" className="button button-secondary button-small" onClick={onClose}>{t('exchange.detail.close')}</button>
        </div>
      </div>
      <h3>{t('exchange.detail.envelope')}</h3>
      <dl className="fact-grid">
        <Fact label={t('exchange.detail.id')} mono>{e.id}</Fact>
        <Fact label={t('exchange.col.type')}>{typeLabel(t, e.type)} <span className="mono muted">{e.type}</span></Fact>
        <Fact label={t('exchange.detail.version')}>{e.version}</Fact>
        <Fact label={t('exchange.detail.from')} mono>{e.from}</Fact>
        <Fact label={t('exchange.detail.to')} mono>{e.to}</Fact>
        <Fact label={t('exchange.col.sequence')}>{e.sequence}</Fact>
        <Fact label={t('exchange.detail.previous')}>{e.previousSequence ?? t('exchange.none')}</Fact>
        <Fact label={t('exchange.col.subject')} mono>{e.consignmentRef}</Fact>
        <Fact label={t('exchange.detail.created')}>{f.dateTime(e.createdAt)}</Fact>
        <Fact label={t('exchange.detail.hash')} mono>{m.contentSha256}</Fact>
        {m.keyId && <Fact label={t('exchange.detail.signedBy')} mono>{m.keyId}</Fact>}
        {m.direction === 'out' && <Fact label={t('exchange.col.attempts')}>{m.attempts ?? 0}</Fact>}
        {m.lastError && <Fact label={t('exchange.detail.lastError')} mono>{m.lastError}</Fact>}
        {m.result && <Fact label={t('exchange.detail.result')}>{m.result}</Fact>}
      </dl>
      <h3>{t('exchange.detail.ack')}</h3>
      {m.ack ? (
        <>
          <dl className="fact-grid">
            <Fact label={t('exchange.detail.ackBy')} mono>{m.ack.ack.from}</Fact>
            <Fact label={t('exchange.detail.ackAt')}>{f.dateTime(m.ack.ack.receivedAt)}</Fact>
            <Fact label={t('exchange.detail.ackKey')} mono>{m.ack.keyId}</Fact>
            <Fact label={t('exchange.detail.ackSignature')} mono>{m.ack.signature}</Fact>
          </dl>
          {m.ack.ack.contentSha256 === m.contentSha256
            ? <p className="alert alert-success">{t('exchange.detail.ackHashMatches')}</p>
            : <p className="alert alert-error">{t('exchange.detail.ackHashDiffers')}</p>}
        </>
      ) : (
        <p className="muted">{t('exchange.detail.noAck')}</p>
      )}
      <h3>{t('exchange.detail.payload')}</h3>
      <pre className="mono">{JSON.stringify(e.payload, null, 2)}</pre>
    </section>
  );
}
