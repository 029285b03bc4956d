import { useEffect, useState } from 'react';
import { getReleaseNotice, releaseNoticeUrl } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { ReleaseNotice } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The signed release notice: its QR code (what the gate scans), what it certifies, and downloads. */
export function ReleaseNoticePanel({ declarationId }: { declarationId: string }) {
  const { t } = useI18n();
  const f = useFormats();
  const [notice, setNotice] = useState<ReleaseNotice | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    getReleaseNotice(declarationId).then(setNotice, setProblem);
  }, [declarationId]);

  const n = notice?.notice;
  const releasedBy = n && typeof n.releasedBy === 'object' && n.releasedBy !== null ? text((n.releasedBy as Record<string, unknown>).name) : '';
  const containers = Array.isArray(n?.containers) ? n.containers.map(text).join(', ') : '';
  return (
    <section className="panel release-notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('customs.notice.title')}</h2>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <div className="notice-body">
        <img className="notice-qr" src={releaseNoticeUrl(declarationId, 'svg')} width={180} height={180} alt={t('customs.notice.qrAlt')} />
        <div className="notice-facts">
          <p>{t('customs.notice.intro')}</p>
          {n && (
            <dl className="fact-grid">
              <div className="fact">
                <dt>{t('customs.detail.releasedAt')}</dt>
                <dd>{f.dateTime(n.releasedAt)}</dd>
              </div>
              <div className="fact">
                <dt>{t('customs.notice.releasedBy')}</dt>
                <dd>{releasedBy || '—'}</dd>
              </div>
              <div className="fact">
                <dt>{t('customs.risk.channel')}</dt>
                <dd>{codeLabel(t, 'customs.channel.', text(n.channel))}</dd>
              </div>
              <div className="fact">
                <dt>{t('customs.field.tractorPlate')}</dt>
                <dd className="mono">{text(n.tractorPlate) || '—'}</dd>
              </div>
              <div className="fact">
                <dt>{t('customs.section.containers')}</dt>
                <dd className="mono">{containers || '—'}</dd>
              </div>
              <div className="fact">
                <dt>{t('customs.notice.signature')}</dt>
                <dd>
                  {notice.algorithm} · {t('customs.notice.keyId')} <span className="mono">{n.keyId}</span>
                </dd>
              </div>
            </dl>
          )}
          <div className="button-row">
            <a className="button button-primary" href={releaseNoticeUrl(declarationId)} download={`release-notice-${declarationId}.json`}>
              {t('customs.notice.download')}
            </a>
            <a className="button button-secondary" href={releaseNoticeUrl(declarationId, 'png')} download={`release-notice-${declarationId}.png`}>
              {t('customs.notice.downloadQr')}
            </a>
          </div>
        </div>
      </div>
    </section>
  );
}
