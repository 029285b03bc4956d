import { emptyGoods, type GoodsForm } from '../../customs/form.ts';
import type { Duties } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupProblems } from '../customs/Fields.tsx';
import type { SectionProps } from './form-types.ts';
import { GoodsItemFields } from './GoodsItemFields.tsx';

// VNACCS takes at most 50 goods items per declaration.
const MAX_GOODS = 50;
const CURRENCIES = ['USD', 'CNY', 'VND', 'EUR', 'JPY', 'HKD'];

/** The goods items, each with its duty estimate; items can be added and removed. */
export function GoodsFields({ form, update, duties }: SectionProps & { duties: Duties | null }) {
  const { t } = useI18n();
  const set = (i: number) => (key: keyof GoodsForm, value: string) =>
    update((f) => ({ ...f, goods: f.goods.map((g, j) => (j === i ? { ...g, [key]: value } : g)) }));
  return (
    <fieldset className="form-section">
      <legend>{t('customs.section.goods')}</legend>
      <GroupProblems pointer="/goods" />
      <datalist id="currency-suggestions">
        {CURRENCIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {form.goods.map((item, i) => (
        <GoodsItemFields
          key={i}
          index={i}
          item={item}
          duty={duties?.items.find((d) => d.item === i)}
          set={set(i)}
          onRemove={form.goods.length > 1 ? () => update((f) => ({ ...f, goods: f.goods.filter((_, j) => j !== i) })) : null}
        />
      ))}
      {form.goods.length < MAX_GOODS && (
        <button type="button" className="button button-small button-secondary" onClick={() => update((f) => ({ ...f, goods: [...f.goods, emptyGoods()] }))}>
          {t('customs.goods.add')}
        </button>
      )}
    </fieldset>
  );
}
