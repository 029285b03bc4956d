import { useI18n } from '../../i18n/index.tsx';
import type { SitePicture } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';

/** Every device the IOC has heard from, with when it last reported. */
export function DeviceTable({ devices }: { devices: SitePicture['devices'] }) {
  const { t } = useI18n();
  const f = useIocFormats();
  return (
    <section className="panel" aria-labelledby="ioc-devices-title">
      <h2 id="ioc-devices-title">{t('ioc.devices.title')}</h2>
      {devices.length === 0 ? <p className="empty-state">{t('ioc.devices.none')}</p> : (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">{t('ioc.devices.device')}</th><th scope="col">{t('ioc.devices.lastSeen')}</th><th scope="col">{t('ioc.devices.status')}</th></tr></thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.deviceId}>
                  <td className="mono">{d.deviceId}</td>
                  <td>{f.time(d.lastSeen)}</td>
                  <td><span className={`badge ${d.silent ? 'badge-critical' : 'badge-ok'}`}>{d.silent ? t('ioc.devices.silent') : t('ioc.devices.ok')}{d.state ? ` · ${d.state}` : ''}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
