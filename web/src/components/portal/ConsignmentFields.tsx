import { emptyContainer, type ContainerForm } from '../../customs/form.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupProblems, TextField } from '../customs/Fields.tsx';
import type { SectionProps } from './form-types.ts';

const MAX_CONTAINERS = 20;

/** The truck (tractor and trailer plates, driver) and its containers with their seals. */
export function ConsignmentFields({ form, update }: SectionProps) {
  const { t } = useI18n();
  const setContainer = (i: number, key: keyof ContainerForm, value: string) =>
    update((f) => ({ ...f, containers: f.containers.map((c, j) => (j === i ? { ...c, [key]: value } : c)) }));
  return (
    <fieldset className="form-section">
      <legend>{t('customs.section.consignment')}</legend>
      <div className="form-grid">
        <TextField
          pointer="/consignment/transport/tractorPlate"
          label={t('customs.field.tractorPlate')}
          hint={t('customs.hint.tractorPlate')}
          maxLength={20}
          value={form.tractorPlate}
          onChange={(tractorPlate) => update((f) => ({ ...f, tractorPlate }))}
        />
        <TextField
          pointer="/consignment/transport/trailerPlate"
          label={t('customs.field.trailerPlate')}
          hint={t('customs.hint.trailerPlate')}
          optional
          maxLength={20}
          value={form.trailerPlate}
          onChange={(trailerPlate) => update((f) => ({ ...f, trailerPlate }))}
        />
        <TextField
          pointer="/consignment/transport/driverName"
          label={t('customs.field.driverName')}
          optional
          maxLength={200}
          value={form.driverName}
          onChange={(driverName) => update((f) => ({ ...f, driverName }))}
        />
        <TextField
          pointer="/consignment/transport/driverDocument"
          label={t('customs.field.driverDocument')}
          optional
          maxLength={50}
          value={form.driverDocument}
          onChange={(driverDocument) => update((f) => ({ ...f, driverDocument }))}
        />
      </div>
      <fieldset className="form-subsection">
        <legend>{t('customs.section.containers')}</legend>
        <GroupProblems pointer="/consignment/equipment" />
        {form.containers.length === 0 && <p className="muted">{t('customs.container.none')}</p>}
        {form.containers.map((c, i) => {
          const base = `/consignment/equipment/${i}`;
          const n = String(i + 1);
          return (
            <div key={i} className="repeat-row" role="group" aria-label={t('customs.container.item', { n })}>
              <TextField
                pointer={`${base}/containerNumber`}
                label={t('customs.field.containerNumber')}
                hint={t('customs.hint.containerNumber')}
                maxLength={15}
                value={c.containerNumber}
                onChange={(v) => setContainer(i, 'containerNumber', v.toUpperCase())}
              />
              <TextField
                pointer={`${base}/sealNumbers`}
                label={t('customs.field.seals')}
                hint={t('customs.hint.seals')}
                optional
                value={c.seals}
                onChange={(v) => setContainer(i, 'seals', v)}
              />
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={t('customs.container.removeNamed', { n })}
                onClick={() => update((f) => ({ ...f, containers: f.containers.filter((_, j) => j !== i) }))}
              >
                {t('customs.remove')}
              </button>
            </div>
          );
        })}
        {form.containers.length < MAX_CONTAINERS && (
          <button type="button" className="button button-small button-secondary" onClick={() => update((f) => ({ ...f, containers: [...f.containers, emptyContainer()] }))}>
            {t('customs.container.add')}
          </button>
        )}
      </fieldset>
    </fieldset>
  );
}
