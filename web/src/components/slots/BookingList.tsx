import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { routeHref } from '../../router.ts';
import type { BookingItem } from '../../slots/api.ts';
import { DataTable, type Column } from '../DataTable.tsx';
import { label } from './labels.ts';

/** "My bookings": slot, truck and driver, declaration, status with the truck's progress and fee; each row opens the booking. */
export function BookingList({ items, next, busy, onMore }: { items: readonly BookingItem[]; next: string | null; busy: boolean; onMore: () => void }) {
  const { t } = useI18n();
  const f = useFormats();
  const columns: Column<BookingItem>[] = [
    {
      header: t('slots.col.slot'),
      className: 'slots-table-cell',
      cell: (b) => (
        <>
          <a href={routeHref('slots', b.id)} aria-label={t('slots.open', { plate: b.plate, time: f.dateTime(b.slotStart) })}>{f.dateTime(b.slotStart)}</a>
          <span className="cell-note">{label(t, 'gate.direction.', b.direction)} · {label(t, 'gate.class.', b.laneClass)}</span>
        </>
      ),
    },
    {
      header: t('slots.col.truck'),
      className: 'slots-table-cell',
      cell: (b) => (
        <>
          <span className="gate-plate">{b.plate}</span>
          {b.journey?.trailerPlate && <span className="cell-note mono">{b.journey.trailerPlate}</span>}
          <span className="cell-note">{b.driver.name} · {b.driver.document}</span>
        </>
      ),
    },
    {
      header: t('slots.col.declaration'),
      className: 'slots-table-cell mono',
      cell: (b) => <a href={routeHref('declarations', b.declarationId)}>{b.declarationId}</a>,
    },
    {
      header: t('slots.col.status'),
      className: 'slots-table-cell',
      cell: (b) => {
        const fee = b.journey?.fee;
        return (
          <>
            <span className="badge">{label(t, 'slots.status.', b.status)}</span>
            {b.journey && b.status !== 'no_show' && <span className="cell-note">{label(t, 'gate.stage.', b.journey.state)}</span>}
            {fee && <span className="cell-note">{fee.paid ? t('slots.feePaid', { amount: f.money(fee.amount, fee.currency), receipt: fee.receipt }) : t('slots.fee', { amount: f.money(fee.amount, fee.currency) })}</span>}
          </>
        );
      },
    },
  ];
  return (
    <section className="panel" aria-labelledby="slots-list-title">
      <h2 id="slots-list-title">{t('slots.list.title')}</h2>
      {items.length === 0 ? <p className="empty-state">{t('slots.list.empty')}</p> : (
        <>
          <div className="desktop-only"><DataTable columns={columns} rows={items} rowKey={(b) => b.id} /></div>
          {/* Phones get one card per booking: four columns do not fit 360 px. */}
          <ul className="mobile-only slots-cards">
            {items.map((b) => <li key={b.id} className="gate-item">{columns.map((c, i) => <div key={i}>{c.cell(b)}</div>)}</li>)}
          </ul>
        </>
      )}
      {next && (
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={onMore}>{t('slots.list.more')}</button>
        </div>
      )}
    </section>
  );
}
