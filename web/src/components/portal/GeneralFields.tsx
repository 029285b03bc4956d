import { codeLabel } from '../../customs/labels.ts';
import { directionOf } from '../../customs/form.ts';
import { BORDER_GATES, DECLARATION_TYPES, DIRECTIONS } from '../../customs/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SelectField, TextField } from '../customs/Fields.tsx';
import type { SectionProps } from './form-types.ts';

/** Declaration type, direction, border gate, expected arrival and the declarant's own reference. */
export function GeneralFields({ form, update, onTypeChosen }: SectionProps & { onTypeChosen: (type: string) => void }) {
  const { t } = useI18n();
  const options = (codes: readonly string[], prefix: string) => codes.map((c) => ({ value: c, label: codeLabel(t, prefix, c) }));
  return (
    <fieldset className="form-section">
      <legend>{t('customs.section.general')}</legend>
      <div className="form-grid">
        <SelectField
          pointer="/type"
          label={t('customs.field.type')}
          value={form.type}
          placeholder={t('customs.choose')}
          options={options(DECLARATION_TYPES, 'customs.type.')}
          onChange={(type) => {
            // Import comes in and export goes out; the direction follows unless it is a transit.
            update((f) => ({ ...f, type, direction: directionOf(type) ?? f.direction }));
            onTypeChosen(type);
          }}
        />
        <SelectField
          pointer="/direction"
          label={t('customs.field.direction')}
          value={form.direction}
          placeholder={t('customs.choose')}
          options={options(DIRECTIONS, 'customs.direction.')}
          onChange={(direction) => update((f) => ({ ...f, direction }))}
        />
        <SelectField
          pointer="/borderGate"
          label={t('customs.field.borderGate')}
          value={form.borderGate}
          placeholder={t('customs.choose')}
          options={options(BORDER_GATES, 'customs.gate.')}
          onChange={(borderGate) => update((f) => ({ ...f, borderGate }))}
        />
        <TextField
          pointer="/expectedArrival"
          type="datetime-local"
          label={t('customs.field.expectedArrival')}
          hint={t('customs.hint.vietnamTime')}
          value={form.expectedArrival}
          onChange={(expectedArrival) => update((f) => ({ ...f, expectedArrival }))}
        />
        <TextField
          pointer="/localReference"
          label={t('customs.field.localReference')}
          optional
          maxLength={35}
          value={form.localReference}
          onChange={(localReference) => update((f) => ({ ...f, localReference }))}
        />
      </div>
    </fieldset>
  );
}
