import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { useDeclarationCase } from '../../customs/useDeclarationCase.ts';
import type { DeclarationView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { ChannelBadge, StateBadge } from '../customs/Badges.tsx';
import { DeclarationFacts, GoodsSection } from '../customs/DeclarationFacts.tsx';
import { DocumentsSection } from '../customs/DocumentsSection.tsx';
import { Flash, useFlash } from '../customs/Flash.tsx';
import { RiskPanel } from '../customs/RiskPanel.tsx';
import { Timeline } from '../customs/Timeline.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';

const CLOSED = ['released', 'rejected', 'cancelled'];

/** Who has the case, since when, and where documents and inspection stand. */
function CaseFacts({ d }: { d: DeclarationView }) {
  const { t } = useI18n();
  const f = useFormats();
  const i = d.inspection;
  return (
    <dl className="fact-grid key-times">
      <div className="fact">
        <dt>{t('customs.worklist.assignee')}</dt>
        <dd>{d.assignee?.name ?? t('customs.worklist.unassigned')}</dd>
      </div>
      <div className="fact">
        <dt>{t('customs.detail.assessedAt')}</dt>
        <dd>{f.dateTime(d.assessedAt)}</dd>
      </div>
      <div className="fact">
        <dt>{t('customs.case.documents')}</dt>
        <dd>{d.documentsAccepted ? t('customs.case.documentsAccepted') : t('customs.case.documentsNotAccepted')}</dd>
      </div>
      <div className="fact">
        <dt>{t('customs.case.inspection')}</dt>
        <dd>
          {i
            ? t('customs.case.inspectionLine', {
                kind: codeLabel(t, 'customs.inspection.', i.kind),
                at: f.dateTime(i.at),
                location: i.location ?? '—',
                outcome: i.outcome ? codeLabel(t, 'customs.outcome.', i.outcome) : t('customs.case.notRecorded'),
              })
            : '—'}
          {i?.findings.map((x, n) => (
            <span key={n} className="cell-note">
              {x}
            </span>
          ))}
        </dd>
      </div>
      {d.decisionReason && (
        <div className="fact">
          <dt>{t('customs.case.decisionReason')}</dt>
          <dd>{d.decisionReason}</dd>
        </div>
      )}
    </dl>
  );
}

/** A case in the officer console: the declaration, its documents, the risk reasons, the timeline and the decisions the officer may take. */
export function CaseDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const c = useDeclarationCase(id);
  const { flash, success, refused } = useFlash();
  const d = c.declaration;
  if (!d) {
    return c.problem !== null ? (
      <div className="screen">
        <p className="alert alert-error" role="alert">
          {describeProblem(c.problem, t)}
        </p>
        <a href={routeHref('worklist')}>{t('customs.case.backToWorklist')}</a>
      </div>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  }
  const plate = d.content.consignment?.transport?.tractorPlate;
  return (
    <article className="screen" aria-labelledby="page-title">
      <p className="breadcrumb">
        <a href={routeHref('worklist')}>{t('customs.case.backToWorklist')}</a>
      </p>
      <PageHeader title={t('customs.case.title', { ref: plate ?? d.id })} focusKey={`case:${d.id}`}>
        <StateBadge state={d.state} />
        <ChannelBadge channel={d.channel} />
      </PageHeader>
      <p className="muted mono">
        {d.id} · {t('customs.detail.version')} {d.version}
      </p>
      <Flash flash={flash} />
      <CaseFacts d={d} />
      <div className="detail-columns">
        <div className="detail-main">
          <DocumentsSection
            declarationId={d.id}
            documents={c.documents}
            canUpload={d.allowedActions.length > 0 && !CLOSED.includes(d.state)}
            defaultType="inspection_photo"
            onChanged={() => void c.reload()}
          />
          <DeclarationFacts declaration={d} />
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('customs.timeline.title')}</h2>
            <Timeline entries={c.timeline} showOfficers />
          </section>
        </div>
        <div className="detail-side">
          <DecisionPanel
            declaration={d}
            onDecided={(next, action) => {
              success(t('customs.case.decided', { action: codeLabel(t, 'customs.action.', action), state: codeLabel(t, 'customs.state.', next.state) }));
              c.accept(next);
            }}
            onConflict={(problem) => {
              refused(problem);
              void c.reload();
            }}
          />
          <RiskPanel declaration={d} />
        </div>
      </div>
      <GoodsSection declaration={d} />
    </article>
  );
}
