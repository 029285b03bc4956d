import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { PARTY_ROLES } from '../../customs/form.ts';
import type { DeclarationView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GoodsTable } from './GoodsTable.tsx';

/** A term and its value, with a dash for what is missing. */
function Fact({ term, value }: { term: string; value: string | undefined }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}

/** A declaration's content, read-only: general data, parties, transport and containers. */
export function DeclarationFacts({ declaration }: { declaration: DeclarationView }) {
  const { t } = useI18n();
  const f = useFormats();
  const c = declaration.content;
  const transport = c.consignment?.transport;
  const equipment = c.consignment?.equipment ?? [];
  const country = (code?: string) => (code ? `${code} ${f.country(code) ? `(${f.country(code)})` : ''}`.trim() : undefined);
  return (
    <div className="facts">
      <section aria-labelledby="facts-general" className="panel">
        <h2 id="facts-general">{t('customs.section.general')}</h2>
        <dl className="fact-grid">
          <Fact term={t('customs.field.localReference')} value={c.localReference} />
          <Fact term={t('customs.field.type')} value={c.type && codeLabel(t, 'customs.type.', c.type)} />
          <Fact term={t('customs.field.direction')} value={c.direction && codeLabel(t, 'customs.direction.', c.direction)} />
          <Fact term={t('customs.field.borderGate')} value={c.borderGate && codeLabel(t, 'customs.gate.', c.borderGate)} />
          <Fact term={t('customs.field.expectedArrival')} value={c.expectedArrival && f.dateTime(c.expectedArrival)} />
          <Fact term={t('customs.detail.version')} value={String(declaration.version)} />
        </dl>
      </section>
      <section aria-labelledby="facts-parties" className="panel">
        <h2 id="facts-parties">{t('customs.section.parties')}</h2>
        <dl className="fact-grid">
          {PARTY_ROLES.map((role) => {
            const p = c.parties?.[role];
            return (
              <Fact
                key={role}
                term={t(`customs.party.${role}`)}
                value={p && [p.name, p.taxId && `${t('customs.field.taxId')} ${p.taxId}`, country(p.country), p.address].filter(Boolean).join(' · ')}
              />
            );
          })}
        </dl>
      </section>
      <section aria-labelledby="facts-transport" className="panel">
        <h2 id="facts-transport">{t('customs.section.consignment')}</h2>
        <dl className="fact-grid">
          <Fact term={t('customs.field.tractorPlate')} value={transport?.tractorPlate} />
          <Fact term={t('customs.field.trailerPlate')} value={transport?.trailerPlate} />
          <Fact term={t('customs.field.driverName')} value={transport?.driverName} />
          <Fact term={t('customs.field.driverDocument')} value={transport?.driverDocument} />
          {equipment.map((e, i) => (
            <Fact
              key={i}
              term={t('customs.container.item', { n: String(i + 1) })}
              value={[e.containerNumber, e.sealNumbers?.length ? `${t('customs.field.seals')}: ${e.sealNumbers.join(', ')}` : ''].filter(Boolean).join(' · ')}
            />
          ))}
        </dl>
      </section>
    </div>
  );
}

/** The goods items of a declaration with their duty estimate (wide: placed across the page). */
export function GoodsSection({ declaration }: { declaration: DeclarationView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="facts-goods" className="panel">
      <h2 id="facts-goods">{t('customs.section.goods')}</h2>
      <GoodsTable goods={declaration.content.goods ?? []} duties={declaration.duties} />
    </section>
  );
}
