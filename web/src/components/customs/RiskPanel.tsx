import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { DeclarationView, RiskReason } from '../../customs/types.ts';
import { isMessageKey, useI18n, type Lang, type Translate } from '../../i18n/index.tsx';
import { ChannelBadge } from './Badges.tsx';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The reason in the user's language: the assessor's own translation, else ours by code, else its English text. */
export function reasonText(r: RiskReason, lang: Lang, t: Translate): string {
  const own = r.messages?.[lang];
  if (own) return own;
  return isMessageKey(`customs.riskReason.${r.code}`) ? codeLabel(t, 'customs.riskReason.', r.code) : r.message;
}

/** The figures behind a reason (`numbers`, and anything else an assessor adds), whatever they are. */
function figuresOf(r: RiskReason): Array<[string, unknown]> {
  const extra = Object.entries(r).filter(([k, v]) => !['code', 'message', 'messages', 'numbers'].includes(k) && v !== null && v !== undefined);
  return [...Object.entries(isRecord(r.numbers) ? r.numbers : {}), ...extra];
}

function Figures({ reason }: { reason: RiskReason }) {
  const { t } = useI18n();
  const f = useFormats();
  const figures = figuresOf(reason);
  if (figures.length === 0) return null;
  const show = (v: unknown) => (typeof v === 'number' ? f.number(v, 4) : typeof v === 'string' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
  return (
    <dl className="risk-figures">
      {figures.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{codeLabel(t, 'customs.riskFigure.', k)}</dt>
          <dd className="mono">{show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The assessment stored with a declaration: channel, score, assessor and every reason it gave, with its figures. */
export function RiskPanel({ declaration }: { declaration: DeclarationView }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const { risk } = declaration;
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('customs.risk.title')}</h2>
      <dl className="fact-grid">
        <div className="fact">
          <dt>{t('customs.risk.channel')}</dt>
          <dd>
            <ChannelBadge channel={declaration.channel} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('customs.risk.score')}</dt>
          <dd>{risk.score === null ? '—' : f.number(risk.score, 2)}</dd>
        </div>
        <div className="fact">
          <dt>{t('customs.risk.assessor')}</dt>
          <dd className="mono">{risk.assessor ?? '—'}</dd>
        </div>
      </dl>
      <h3 className="subheading">{t('customs.risk.reasons')}</h3>
      {risk.reasons.length === 0 ? (
        <p className="muted">{t('customs.risk.noReasons')}</p>
      ) : (
        <ul className="risk-reasons">
          {risk.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>
              <span className="risk-code mono">{r.code}</span>
              <p>{reasonText(r, lang, t)}</p>
              <Figures reason={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
