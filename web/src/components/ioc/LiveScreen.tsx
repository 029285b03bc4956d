import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { User } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { getKpis, useLivePicture, type KpiPoint } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';
import '../../ioc/ioc.css';
import type { ShellPage } from '../../pages.ts';
import { PageHeader } from '../PageHeader.tsx';
import { AlertList } from './AlertList.tsx';
import { DeviceTable } from './DeviceTable.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { SitePlan } from './SitePlan.tsx';

// ECharts is large: loaded only when the live page opens.
const KpiCharts = lazy(() => import('./KpiCharts.tsx').then((m) => ({ default: m.KpiCharts })));

/** Merges the live minute into the last hour of KPIs. */
function merge(history: readonly KpiPoint[], point: KpiPoint): KpiPoint[] {
  const rest = history.filter((p) => p.minute !== point.minute);
  return [...rest, point].sort((a, b) => a.minute.localeCompare(b.minute)).slice(-60);
}

/** The IOC's live page: site plan, KPIs and charts, alerts and devices, pushed over WebSocket. */
export function LiveScreen({ page }: { page: ShellPage; user: User }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const { picture, state, refresh } = useLivePicture();
  const [history, setHistory] = useState<KpiPoint[]>([]);
  const loaded = useRef(false);

  useEffect(() => {
    if (!picture) return;
    if (!loaded.current) {
      loaded.current = true;
      const at = new Date(picture.at);
      getKpis(new Date(at.getTime() - 59 * 60_000), at).then((items) => setHistory((h) => h.reduce(merge, items)), () => undefined);
    }
    setHistory((h) => merge(h, picture.kpis));
  }, [picture]);

  return (
    <article className="screen ioc-screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id}>
        <span className={`live-badge live-${state}`} role="status">
          {state === 'live' ? t('ioc.live.connected') : state === 'connecting' ? t('ioc.live.connecting') : t('ioc.live.offline')}
          {picture && state === 'live' ? ` · ${t('ioc.live.updated', { time: f.time(picture.at) })}` : ''}
        </span>
      </PageHeader>
      {picture === null ? <p role="status">{t('common.loading')}</p> : (
        <>
          <section className="panel" aria-labelledby="ioc-kpi-title">
            <h2 id="ioc-kpi-title">{t('ioc.kpi.title')}</h2>
            <KpiTiles picture={picture} history={history} />
          </section>
          <div className="ioc-grid">
            <section className="panel ioc-plan" aria-labelledby="ioc-plan-title">
              <h2 id="ioc-plan-title">{t('ioc.plan.title')}</h2>
              <SitePlan picture={picture} />
            </section>
            <AlertList alerts={picture.alerts} onChanged={refresh} />
          </div>
          <section className="panel" aria-label={t('ioc.kpi.title')}>
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <KpiCharts history={history} />
            </Suspense>
          </section>
          <DeviceTable devices={picture.devices} />
        </>
      )}
    </article>
  );
}
