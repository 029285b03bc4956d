import { useI18n } from '../../i18n/index.tsx';
import type { KpiPoint, SitePicture } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';

/** The KPIs of the current minute as tiles. */
export function KpiTiles({ picture, history }: { picture: SitePicture; history: readonly KpiPoint[] }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const k = picture.kpis;
  const mins = (c: KpiPoint['clearance']['inbound']) => (c.p50 === null ? t('ioc.kpi.noData') : t('ioc.kpi.minutes', { p50: f.number(c.p50, 1), p90: f.number(c.p90 ?? c.p50, 1) }));
  const mix = history.reduce((m, p) => ({ green: m.green + p.channelMix.green, yellow: m.yellow + p.channelMix.yellow, red: m.red + p.channelMix.red }), { green: 0, yellow: 0, red: 0 });
  const tiles: Array<{ id: string; label: string; value: string; note?: string }> = [
    { id: 'vehicles', label: t('ioc.kpi.vehiclesPerHour'), value: f.number(k.vehiclesPerHour) },
    { id: 'arrivals', label: t('ioc.kpi.arrivalsPerHour'), value: f.number(k.arrivalsPerHour) },
    { id: 'people', label: t('ioc.kpi.peoplePerHour'), value: f.number(k.peoplePerHour), note: k.peopleMeasured ? undefined : t('ioc.kpi.peopleNotMeasured') },
    { id: 'clearance-in', label: t('ioc.kpi.clearanceIn'), value: mins(k.clearance.inbound) },
    { id: 'clearance-out', label: t('ioc.kpi.clearanceOut'), value: mins(k.clearance.outbound) },
    { id: 'queue', label: t('ioc.kpi.queue'), value: `${f.number(k.queue.inbound)} / ${f.number(k.queue.outbound)}` },
    { id: 'yard', label: t('ioc.kpi.yard'), value: t('ioc.kpi.yardValue', { n: f.number(picture.yard.occupied), capacity: f.number(picture.yard.capacity) }), note: f.percent(picture.yard.ratio) },
    { id: 'slots', label: t('ioc.kpi.slotAdherence'), value: k.slotAdherence === null ? t('ioc.kpi.noData') : f.percent(k.slotAdherence) },
    { id: 'channels', label: t('ioc.kpi.channelMix'), value: `${mix.green} · ${mix.yellow} · ${mix.red}`, note: `${t('ioc.chart.green')} · ${t('ioc.chart.yellow')} · ${t('ioc.chart.red')}` },
    { id: 'devices', label: t('ioc.kpi.devices'), value: `${picture.devices.filter((d) => d.silent).length} / ${picture.devices.length}` },
  ];
  return (
    <dl className="kpi-tiles">
      {tiles.map((x) => (
        <div key={x.id} className="kpi-tile" data-kpi={x.id}>
          <dt>{x.label}</dt>
          <dd>
            <span className="kpi-value">{x.value}</span>
            {x.note && <span className="kpi-note">{x.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
