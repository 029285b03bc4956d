import { useFormats } from '../../customs/format.ts';
import { PARTY_ROLES, type PartyForm, type PartyRole } from '../../customs/form.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupProblems, TextField } from '../customs/Fields.tsx';
import type { SectionProps } from './form-types.ts';

/** Importer, exporter and declarant: name, tax id and country (each checked by the server's rules). */
export function PartiesFields({ form, update }: SectionProps) {
  const { t } = useI18n();
  const f = useFormats();
  const set = (role: PartyRole, key: keyof PartyForm, value: string) =>
    update((prev) => ({ ...prev, parties: { ...prev.parties, [role]: { ...prev.parties[role], [key]: value } } }));
  return (
    <fieldset className="form-section">
      <legend>{t('customs.section.parties')}</legend>
      <GroupProblems pointer="/parties" />
      {PARTY_ROLES.map((role) => {
        const p = form.parties[role];
        const base = `/parties/${role}`;
        return (
          <fieldset key={role} className="form-subsection">
            <legend>{t(`customs.party.${role}`)}</legend>
            <GroupProblems pointer={base} />
            {role === 'declarant' && (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => update((prev) => ({ ...prev, parties: { ...prev.parties, declarant: { ...prev.parties.importer } } }))}
              >
                {t('customs.party.copyImporter')}
              </button>
            )}
            <div className="form-grid">
              <TextField pointer={`${base}/name`} label={t('customs.field.name')} maxLength={300} value={p.name} onChange={(v) => set(role, 'name', v)} />
              <TextField
                pointer={`${base}/taxId`}
                label={t('customs.field.taxId')}
                hint={t('customs.hint.taxId')}
                maxLength={40}
                value={p.taxId}
                onChange={(v) => set(role, 'taxId', v)}
              />
              <TextField
                pointer={`${base}/country`}
                label={t('customs.field.country')}
                hint={f.country(p.country.toUpperCase()) || t('customs.hint.country')}
                maxLength={2}
                value={p.country}
                onChange={(v) => set(role, 'country', v.toUpperCase())}
              />
              <TextField pointer={`${base}/address`} label={t('customs.field.address')} optional maxLength={500} value={p.address} onChange={(v) => set(role, 'address', v)} />
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
