import { useFormats } from '../../customs/format.ts';
import type { Duties, GoodsContent } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Goods items with their estimated import duty and VAT, and the totals per currency. */
export function GoodsTable({ goods, duties }: { goods: readonly GoodsContent[]; duties: Duties }) {
  const { t } = useI18n();
  const f = useFormats();
  const money = (n: number | null | undefined, cur: string | null | undefined) => (n === null || n === undefined || !cur ? '—' : f.money(n, cur));
  return (
    <>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('customs.field.hsCode')}</th>
              <th scope="col">{t('customs.field.description')}</th>
              <th scope="col">{t('customs.field.originCountry')}</th>
              <th scope="col">{t('customs.field.quantity')}</th>
              <th scope="col">{t('customs.goods.mass')}</th>
              <th scope="col">{t('customs.field.customsValue')}</th>
              <th scope="col">{t('customs.duties.column')}</th>
            </tr>
          </thead>
          <tbody>
            {goods.map((g, i) => {
              const d = duties.items.find((x) => x.item === i);
              const currency = g.customsValue?.currency;
              return (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td className="mono">{g.hsCode ?? '—'}</td>
                  <td className="description-cell">{g.description ?? '—'}</td>
                  <td>{g.originCountry ?? '—'}</td>
                  <td className="num">
                    {g.quantity !== undefined ? f.number(g.quantity) : '—'} {g.unit ?? ''}
                  </td>
                  <td className="num">
                    {g.grossMassKg !== undefined ? f.number(g.grossMassKg) : '—'} / {g.netMassKg !== undefined ? f.number(g.netMassKg) : '—'} kg
                  </td>
                  <td className="num">{money(g.customsValue?.amount, currency)}</td>
                  <td className="duties-cell">
                    {d?.note ? (
                      <span className="cell-note">{t('customs.duties.noLine')}</span>
                    ) : (
                      <>
                        {t('customs.duties.importDuty')} {money(d?.importDuty, d?.currency)}
                        {d?.importDutyRate != null && <span className="muted"> ({f.percent(d.importDutyRate)})</span>}
                        <br />
                        {t('customs.duties.vat')} {money(d?.vat, d?.currency)}
                        {d?.vatRate != null && <span className="muted"> ({f.percent(d.vatRate)})</span>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <DutyTotals duties={duties} />
    </>
  );
}

/** The estimated totals per currency (no conversion between currencies). */
export function DutyTotals({ duties }: { duties: Duties }) {
  const { t } = useI18n();
  const f = useFormats();
  if (duties.totals.length === 0) return null;
  return (
    <dl className="duty-totals">
      {duties.totals.map((x) => (
        <div key={x.currency} className="fact">
          <dt>{t('customs.duties.total', { currency: x.currency })}</dt>
          <dd>
            {t('customs.duties.totalLine', { duty: f.money(x.importDuty, x.currency), vat: f.money(x.vat, x.currency), sum: f.money(x.importDuty + x.vat, x.currency) })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
