import { useFormats } from '../../customs/format.ts';
import type { GoodsForm } from '../../customs/form.ts';
import { codeLabel } from '../../customs/labels.ts';
import { type DutyItem } from '../../customs/types.ts';
import { UNITS } from '../../customs/codes.ts';
import { useTariffSuggestions } from '../../customs/useTariffSuggestions.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupProblems, SelectField, TextField } from '../customs/Fields.tsx';

interface GoodsItemFieldsProps {
  index: number;
  item: GoodsForm;
  duty: DutyItem | undefined;
  set: (key: keyof GoodsForm, value: string) => void;
  onRemove: (() => void) | null;
}

/** The estimated duty and VAT of one item, from the last live validation. */
function DutyEstimate({ duty }: { duty: DutyItem | undefined }) {
  const { t } = useI18n();
  const f = useFormats();
  if (!duty) return null;
  if (duty.importDuty === null || duty.vat === null || !duty.currency) {
    return <p className="duty-estimate muted">{t('customs.duties.noLine')}</p>;
  }
  return (
    <p className="duty-estimate" aria-live="polite">
      {t('customs.duties.itemLine', {
        line: duty.tariffLine ?? '—',
        dutyRate: f.percent(duty.importDutyRate ?? 0),
        duty: f.money(duty.importDuty, duty.currency),
        vatRate: f.percent(duty.vatRate ?? 0),
        vat: f.money(duty.vat, duty.currency),
      })}
    </p>
  );
}

/** One goods item: tariff line (with suggestions from the loaded tariff), description, origin, quantity, masses and value. */
export function GoodsItemFields({ index, item, duty, set, onRemove }: GoodsItemFieldsProps) {
  const { t } = useI18n();
  const f = useFormats();
  const base = `/goods/${index}`;
  const n = String(index + 1);
  const suggestions = useTariffSuggestions(item.hsCode);
  const listId = `hs-suggestions-${index}`;
  return (
    <fieldset className="form-subsection goods-item">
      <legend>{t('customs.goods.item', { n })}</legend>
      <GroupProblems pointer={base} />
      <div className="form-grid">
        <TextField pointer={`${base}/hsCode`} label={t('customs.field.hsCode')} hint={t('customs.hint.hsCode')} list={listId} maxLength={12} value={item.hsCode} onChange={(v) => set('hsCode', v)} />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.line} value={s.line}>
              {s.description}
            </option>
          ))}
        </datalist>
        <TextField pointer={`${base}/description`} label={t('customs.field.description')} maxLength={500} value={item.description} onChange={(v) => set('description', v)} className="span-2" />
        <TextField
          pointer={`${base}/originCountry`}
          label={t('customs.field.originCountry')}
          hint={f.country(item.originCountry.toUpperCase()) || t('customs.hint.country')}
          maxLength={2}
          value={item.originCountry}
          onChange={(v) => set('originCountry', v.toUpperCase())}
        />
        <TextField pointer={`${base}/quantity`} type="number" label={t('customs.field.quantity')} value={item.quantity} onChange={(v) => set('quantity', v)} />
        <SelectField
          pointer={`${base}/unit`}
          label={t('customs.field.unit')}
          value={item.unit}
          placeholder={t('customs.choose')}
          options={UNITS.map((u) => ({ value: u, label: `${u} · ${codeLabel(t, 'customs.unit.', u)}` }))}
          onChange={(v) => set('unit', v)}
        />
        <TextField pointer={`${base}/grossMassKg`} type="number" label={t('customs.field.grossMassKg')} value={item.grossMassKg} onChange={(v) => set('grossMassKg', v)} />
        <TextField pointer={`${base}/netMassKg`} type="number" label={t('customs.field.netMassKg')} value={item.netMassKg} onChange={(v) => set('netMassKg', v)} />
        <TextField pointer={`${base}/customsValue/amount`} type="number" label={t('customs.field.customsValue')} value={item.amount} onChange={(v) => set('amount', v)} />
        <TextField
          pointer={`${base}/customsValue/currency`}
          label={t('customs.field.currency')}
          hint={t('customs.hint.currency')}
          maxLength={3}
          list="currency-suggestions"
          value={item.currency}
          onChange={(v) => set('currency', v.toUpperCase())}
        />
        <TextField
          pointer={`${base}/preferenceCertificate`}
          label={t('customs.field.preferenceCertificate')}
          optional
          maxLength={35}
          value={item.preferenceCertificate}
          onChange={(v) => set('preferenceCertificate', v)}
        />
      </div>
      <GroupProblems pointer={`${base}/customsValue`} />
      {item.hsCode.trim() !== '' && <DutyEstimate duty={duty} />}
      {onRemove && (
        <button type="button" className="button button-small button-ghost" aria-label={t('customs.goods.removeNamed', { n })} onClick={onRemove}>
          {t('customs.remove')}
        </button>
      )}
    </fieldset>
  );
}
