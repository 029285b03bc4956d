import { useMemo } from 'react';
import { useI18n, isMessageKey, type MessageKey } from '../../i18n/index.tsx';
import type { SitePicture } from '../../ioc/api.ts';
import { PLAN, placeTrucks, type PlanFeature } from '../../ioc/plan.ts';

const H = PLAN.bbox.y2;
const flipY = (y: number) => H - y;

type DeviceStatus = 'ok' | 'silent' | 'unknown';

function rect(f: PlanFeature, className: string, extra: Record<string, string> = {}) {
  const { x1, y1, x2, y2 } = f.box;
  return <rect key={f.id} className={className} x={x1} y={flipY(y2)} width={x2 - x1} height={y2 - y1} rx={2} {...extra} />;
}

/** The live plan of the gate zone: lanes, yard with truck markers, devices coloured by health. */
export function SitePlan({ picture }: { picture: SitePicture | null }) {
  const { t } = useI18n();
  const devices = useMemo(() => new Map((picture?.devices ?? []).map((d) => [d.deviceId, d])), [picture]);
  const status = (id: string | null): DeviceStatus => {
    const d = id ? devices.get(id) : undefined;
    if (!d) return 'unknown';
    return d.silent || d.state === 'fault' ? 'silent' : 'ok';
  };
  const trucks = useMemo(() => placeTrucks(picture?.trucks ?? [], PLAN.features), [picture]);
  const stageLabel = (stage: string) => {
    const key = `ioc.stage.${stage}`;
    return isMessageKey(key) ? t(key as MessageKey) : stage;
  };
  const label = (f: PlanFeature, key: MessageKey) => (
    <text key={`${f.id}-label`} className="plan-label" x={(f.box.x1 + f.box.x2) / 2} y={flipY(f.box.y2) - 2} textAnchor="middle">
      {t(key)}
    </text>
  );
  return (
    <figure className="site-plan">
      <svg viewBox={`${PLAN.bbox.x1} 0 ${PLAN.bbox.x2 - PLAN.bbox.x1} ${H}`} role="img" aria-labelledby="site-plan-title">
        <title id="site-plan-title">{t('ioc.plan.label')}</title>
        {PLAN.features.map((f) => {
          switch (f.kind) {
            case 'site': return rect(f, 'plan-site');
            case 'border': return <polyline key={f.id} className="plan-border" points={(f.line ?? []).map(([x, y]) => `${x},${flipY(y)}`).join(' ')} />;
            case 'yard': return [rect(f, 'plan-yard'), label(f, 'ioc.plan.yard')];
            case 'lane': return rect(f, `plan-lane plan-lane-${f.direction ?? ''} plan-lane-${f.laneClass ?? ''}`, { 'data-lane': f.id });
            case 'egate': return rect(f, 'plan-egate');
            case 'agv': return [rect(f, 'plan-agv'), <text key="agv-label" className="plan-label" transform={`translate(${(f.box.x1 + f.box.x2) / 2} ${flipY((f.box.y1 + f.box.y2) / 2)}) rotate(-90)`} textAnchor="middle">{t('ioc.plan.agv')}</text>];
            case 'weighbridge': return [rect(f, `plan-device-area device-${status(f.deviceId)}`, { 'data-device': f.deviceId ?? '' }), label(f, 'ioc.plan.weighbridge')];
            case 'scanner': return [rect(f, `plan-device-area device-${status(f.deviceId)}`, { 'data-device': f.deviceId ?? '' }), label(f, 'ioc.plan.scanner')];
            case 'barrier':
            case 'camera':
            case 'qr': {
              const s = status(f.deviceId);
              return (
                <g key={f.id} className={`plan-device device-${s}`} data-device={f.deviceId ?? ''}>
                  {f.kind === 'barrier'
                    ? <rect x={f.box.x1 - 9} y={flipY(f.box.y1) - 2} width={18} height={4} rx={1} />
                    : <circle cx={f.box.x1} cy={flipY(f.box.y1)} r={3} />}
                  <title>{`${f.deviceId ?? f.id}: ${t(s === 'ok' ? 'ioc.plan.legendOk' : s === 'silent' ? 'ioc.plan.legendSilent' : 'ioc.plan.legendUnknown')}`}</title>
                </g>
              );
            }
            default: return null;
          }
        })}
        <text className="plan-label plan-label-strong" x={84} y={flipY(224.5)} textAnchor="middle">{t('ioc.plan.inbound')}</text>
        <text className="plan-label plan-label-strong" x={268} y={flipY(224.5)} textAnchor="middle">{t('ioc.plan.outbound')}</text>
        <text className="plan-label" x={PLAN.bbox.x1 + 4} y={flipY(154)} textAnchor="start">{t('ioc.plan.egates')}</text>
        <text className="plan-label plan-border-label" x={200} y={flipY(235)} textAnchor="middle">{t('ioc.plan.border')}</text>
        {trucks.map((tr) => (
          <circle key={tr.journeyId} className={`truck-marker truck-${tr.direction} truck-${tr.stage}`} data-marker="truck" data-stage={tr.stage} cx={tr.x} cy={flipY(tr.y)} r={3.6}>
            <title>{t('ioc.plan.truck', { plate: tr.plate, stage: stageLabel(tr.stage) })}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="plan-legend">
        <span><i className="legend-dot device-ok" aria-hidden="true" />{t('ioc.plan.legendOk')}</span>
        <span><i className="legend-dot device-silent" aria-hidden="true" />{t('ioc.plan.legendSilent')}</span>
        <span><i className="legend-dot device-unknown" aria-hidden="true" />{t('ioc.plan.legendUnknown')}</span>
        <span data-testid="trucks-on-site">{t('ioc.plan.trucksOnSite', { n: String(picture?.trucks.length ?? 0) })}</span>
      </figcaption>
    </figure>
  );
}
