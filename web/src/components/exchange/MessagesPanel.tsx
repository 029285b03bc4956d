import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormats } from '../../customs/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { DataTable } from '../DataTable.tsx';
import { getMessage, getMessages, retryMessage, type ExchangeMessage, type MessageDetail, type MessageFilter } from './api.ts';
import { typeLabel } from './labels.ts';
import { MessageDetailPanel } from './MessageDetailPanel.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const STATES = ['pending', 'acknowledged', 'dead', 'processed', 'failed'] as const;
const EMPTY: MessageFilter = { direction: '', state: '', type: '' };

/** The times of a message that matter for its status, one per line. */
function Times({ m }: { m: ExchangeMessage }) {
  const { t } = useI18n();
  const f = useFormats();
  const lines: Array<[MessageKey, string | null | undefined]> = m.direction === 'out'
    ? [['exchange.times.created', m.createdAt], ['exchange.times.acknowledged', m.acknowledgedAt], ['exchange.times.dead', m.deadAt], ['exchange.times.next', m.state === 'pending' && (m.attempts ?? 0) > 0 ? m.nextAttemptAt : null]]
    : [['exchange.times.created', m.createdAt], ['exchange.times.received', m.receivedAt], ['exchange.times.processed', m.processedAt]];
  return (
    <>
      {lines.filter(([, at]) => at).map(([key, at]) => (
        <span key={key} className="cell-note exchange-nowrap">{t(key, { time: f.dateTime(at) })}</span>
      ))}
    </>
  );
}

/**
 * The messages sent and received, newest first, filtered by direction, status and type; a row
 * opens the message with its envelope and acknowledgement; admins put a dead letter back in line.
 */
export function MessagesPanel({ types, canRetry, reloadKey, onChanged }: { types: readonly string[]; canRetry: boolean; reloadKey: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<MessageFilter>(EMPTY);
  const [items, setItems] = useState<ExchangeMessage[] | null>(null);
  const [open, setOpen] = useState<MessageDetail | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<unknown>(null);

  // Filters change faster than answers come back: only the latest request may fill the table.
  const latest = useRef(0);
  const load = useCallback(async (by: MessageFilter) => {
    const mine = ++latest.current;
    try {
      const found = await getMessages(by);
      if (mine !== latest.current) return;
      setItems(found);
      setProblem(null);
    } catch (err) {
      if (mine === latest.current) setProblem(err);
    }
  }, []);

  useEffect(() => {
    void load(filter);
  }, [filter, reloadKey, load]);

  const show = async (id: string) => {
    try {
      setOpen(await getMessage(id));
    } catch (err) {
      setProblem(err);
    }
  };

  const retry = async (m: ExchangeMessage) => {
    setNotice('');
    try {
      const back = await retryMessage(m.id);
      setItems((old) => old?.map((x) => (x.id === m.id ? { ...x, ...back } : x)) ?? null);
      if (open?.id === m.id) setOpen(await getMessage(m.id));
      setNotice(t('exchange.retried', { ref: m.consignmentRef }));
      onChanged();
    } catch (err) {
      setProblem(err);
    }
  };

  const select = (key: keyof MessageFilter, label: string, options: ReadonlyArray<[string, string]>) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}>
        <option value="">{t('exchange.filter.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <section className="panel" aria-labelledby="exchange-messages-title">
        <h2 id="exchange-messages-title">{t('exchange.messages.title')}</h2>
        <p className="muted">{t('exchange.messages.intro')}</p>
        <div className="exchange-filters">
          {select('direction', t('exchange.filter.direction'), [['out', t('exchange.direction.out')], ['in', t('exchange.direction.in')]])}
          {select('state', t('exchange.filter.status'), STATES.map((s) => [s, t(`exchange.filterStatus.${s}`)]))}
          {select('type', t('exchange.filter.type'), types.map((ty) => [ty, typeLabel(t, ty)]))}
        </div>
        {!canRetry && <p className="field-hint muted">{t('exchange.retryAdminOnly')}</p>}
        <p role="status" aria-live="polite">{notice}</p>
        {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
        {items === null && problem === null && <p role="status">{t('common.loading')}</p>}
        {items?.length === 0 && <p className="empty-state">{t('exchange.messages.empty')}</p>}
        {items && items.length > 0 && (
          <DataTable
            rows={items}
            rowKey={(m) => `${m.direction}:${m.id}`}
            columns={[
              {
                header: t('exchange.col.subject'),
                cell: (m) => (
                  <button type="button" className="link-button mono" onClick={() => void show(m.id)} aria-label={t('exchange.open', { ref: m.consignmentRef })}>
                    {m.consignmentRef}
                  </button>
                ),
              },
              { header: t('exchange.col.direction'), cell: (m) => t(`exchange.direction.${m.direction}`) },
              { header: t('exchange.col.partner'), cell: (m) => m.partner, className: 'mono' },
              { header: t('exchange.col.type'), cell: (m) => typeLabel(t, m.type) },
              { header: t('exchange.col.sequence'), cell: (m) => m.sequence, className: 'num' },
              { header: t('exchange.col.status'), cell: (m) => <StatusBadge message={m} /> },
              { header: t('exchange.col.attempts'), cell: (m) => (m.direction === 'out' ? m.attempts : t('exchange.none')), className: 'num' },
              { header: t('exchange.col.times'), cell: (m) => <Times m={m} /> },
              ...(canRetry ? [{
                header: t('exchange.col.actions'),
                cell: (m: ExchangeMessage) => m.direction === 'out' && m.state === 'dead' && (
                  <button type="button" className="button button-secondary button-small" onClick={() => void retry(m)} aria-label={t('exchange.retryLabel', { ref: m.consignmentRef })}>
                    {t('exchange.retry')}
                  </button>
                ),
              }] : []),
            ]}
          />
        )}
      </section>
      {open && <MessageDetailPanel message={open} canRetry={canRetry} onRetry={() => void retry(open)} onClose={() => setOpen(null)} />}
    </>
  );
}
