import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { useDeclarationCase } from '../../customs/useDeclarationCase.ts';
import type { DeclarationView, TimelineEntry } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { ChannelBadge, StateBadge } from '../customs/Badges.tsx';
import { DeclarationFacts, GoodsSection } from '../customs/DeclarationFacts.tsx';
import { DocumentsSection } from '../customs/DocumentsSection.tsx';
import { Flash, useFlash } from '../customs/Flash.tsx';
import { Timeline } from '../customs/Timeline.tsx';
import { DeclarantActions } from './DeclarantActions.tsx';
import { ReleaseNoticePanel } from './ReleaseNoticePanel.tsx';

const CLOSED = ['released', 'rejected', 'cancelled'];

/** What the declaration's state means for the declarant, in a sentence. */
function StateExplanation({ d, timeline }: { d: DeclarationView; timeline: readonly TimelineEntry[] }) {
  const { t } = useI18n();
  const f = useFormats();
  if (d.state === 'documents_requested') {
    const request = [...timeline].reverse().find((e) => e.action === 'request_documents');
    const types = Array.isArray(request?.details.documentTypes) ? request.details.documentTypes.map((x) => codeLabel(t, 'customs.doc.', String(x))) : [];
    return (
      <div className="alert alert-warning" role="note">
        <p>{t('customs.detail.documentsRequested', { reason: String(request?.details.reason ?? '') })}</p>
        {types.length > 0 && <p>{t('customs.detail.documentsWanted', { list: types.join(', ') })}</p>}
      </div>
    );
  }
  if (d.state === 'released') return <p className="alert alert-success">{t('customs.detail.released', { time: f.dateTime(d.releasedAt) })}</p>;
  if (d.state === 'held' || d.state === 'rejected' || d.state === 'cancelled') {
    return <p className="alert alert-warning">{t(`customs.detail.closed.${d.state}`, { reason: d.decisionReason ?? '—' })}</p>;
  }
  if (d.state === 'draft') return <p className="alert alert-info">{t('customs.detail.draft')}</p>;
  if (d.state === 'submitted') return <p className="alert alert-info">{t('customs.detail.submitted')}</p>;
  if (d.channel) return <p className="alert alert-info">{t(`customs.detail.channel.${d.channel}`)}</p>;
  return null;
}

/** A declaration as its declarant sees it: state, channel, what happens next, actions, documents, content and timeline. */
export function DeclarationDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const f = useFormats();
  const c = useDeclarationCase(id);
  const { flash, refused, clear } = useFlash();
  const d = c.declaration;
  if (!d) {
    return c.problem !== null ? (
      <div className="screen">
        <p className="alert alert-error" role="alert">
          {describeProblem(c.problem, t)}
        </p>
        <a href={routeHref('declarations')}>{t('customs.detail.backToList')}</a>
      </div>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  }
  return (
    <article className="screen" aria-labelledby="page-title">
      <p className="breadcrumb">
        <a href={routeHref('declarations')}>{t('customs.detail.backToList')}</a>
      </p>
      <PageHeader title={t('customs.detail.title', { ref: d.content.localReference || d.id })} focusKey={`detail:${d.id}`}>
        <StateBadge state={d.state} />
        <ChannelBadge channel={d.channel} />
      </PageHeader>
      <p className="muted mono">{d.id}</p>
      <StateExplanation d={d} timeline={c.timeline} />
      <dl className="fact-grid key-times">
        <div className="fact">
          <dt>{t('customs.detail.submittedAt')}</dt>
          <dd>{f.dateTime(d.submittedAt)}</dd>
        </div>
        <div className="fact">
          <dt>{t('customs.detail.assessedAt')}</dt>
          <dd>{f.dateTime(d.assessedAt)}</dd>
        </div>
        <div className="fact">
          <dt>{t('customs.detail.releasedAt')}</dt>
          <dd>{f.dateTime(d.releasedAt)}</dd>
        </div>
      </dl>
      <Flash flash={flash} />
      <DeclarantActions
        declaration={d}
        onChanged={(next) => {
          clear();
          c.accept(next);
        }}
        onRefused={(problem) => {
          refused(problem);
          void c.reload();
        }}
      />
      {d.state === 'released' && <ReleaseNoticePanel declarationId={d.id} />}
      <div className="detail-columns">
        <div className="detail-main">
          <DocumentsSection
            declarationId={d.id}
            documents={c.documents}
            canUpload={!CLOSED.includes(d.state)}
            defaultType={d.state === 'documents_requested' ? 'other' : undefined}
            onChanged={() => void c.reload()}
          />
          <DeclarationFacts declaration={d} />
        </div>
        <section className="panel detail-side" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('customs.timeline.title')}</h2>
          <Timeline entries={c.timeline} />
        </section>
      </div>
      <GoodsSection declaration={d} />
    </article>
  );
}
