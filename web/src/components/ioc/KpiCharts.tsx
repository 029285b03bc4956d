import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { KpiPoint } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = Parameters<ECharts['setOption']>[0];

/** One ECharts chart that follows its container's width. */
function Chart({ title, option, id }: { title: string; option: Option; id: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <figure className="kpi-chart" data-chart={id}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="kpi-chart-canvas" role="img" aria-label={title} />
    </figure>
  );
}

/** The last hour of KPIs: throughput and queues, clearance time, channel mix. */
export function KpiCharts({ history }: { history: readonly KpiPoint[] }) {
  const { t } = useI18n();
  const f = useIocFormats();
  const x = history.map((p) => f.minute(p.minute));
  const base = { animation: false, tooltip: { trigger: 'axis' }, grid: { left: 36, right: 12, top: 32, bottom: 24 }, xAxis: { type: 'category', data: x }, yAxis: { type: 'value', minInterval: 1 } };
  const line = (name: string, data: Array<number | null>) => ({ name, type: 'line', showSymbol: false, connectNulls: true, data });
  const throughput = {
    ...base, legend: { top: 0 },
    series: [
      line(t('ioc.kpi.vehiclesPerHour'), history.map((p) => p.vehiclesPerHour)),
      line(t('ioc.kpi.arrivalsPerHour'), history.map((p) => p.arrivalsPerHour)),
      line(t('ioc.plan.inbound'), history.map((p) => p.queue.inbound)),
      line(t('ioc.plan.yard'), history.map((p) => p.yardOccupied)),
    ],
  } as Option;
  const clearance = {
    ...base, legend: { top: 0 },
    series: [
      line('p50 ↓', history.map((p) => p.clearance.inbound.p50)), line('p90 ↓', history.map((p) => p.clearance.inbound.p90)),
      line('p50 ↑', history.map((p) => p.clearance.outbound.p50)), line('p90 ↑', history.map((p) => p.clearance.outbound.p90)),
    ],
  } as Option;
  const channels = {
    ...base, legend: { top: 0 }, color: ['#15803d', '#ca8a04', '#b91c1c'],
    series: (['green', 'yellow', 'red'] as const).map((c) => ({ name: t(`ioc.chart.${c}`), type: 'bar', stack: 'mix', data: history.map((p) => p.channelMix[c]) })),
  } as Option;
  return (
    <div className="kpi-charts">
      <Chart id="throughput" title={t('ioc.chart.throughput')} option={throughput} />
      <Chart id="clearance" title={t('ioc.chart.clearance')} option={clearance} />
      <Chart id="channels" title={t('ioc.chart.channels')} option={channels} />
    </div>
  );
}
