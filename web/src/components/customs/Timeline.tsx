import { useFormats, type Formats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { TimelineEntry } from '../../customs/types.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { roleLabelKey } from '../../pages.ts';
import { stateLabel } from '../../problems.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const nameOf = (v: unknown) => (isRecord(v) ? str(v.name) : '');

/** The human lines for an entry's details; details this UI does not know are left out. */
function detailLines(e: TimelineEntry, t: Translate, f: Formats, showOfficers: boolean): string[] {
  const d = e.details;
  const lines: string[] = [];
  const channel = (v: unknown) => codeLabel(t, 'customs.channel.', str(v));
  if (e.action === 'assess' && d.channel) lines.push(t('customs.timeline.assessed', { channel: channel(d.channel), score: str(d.score) }));
  if (e.action === 'override_channel') lines.push(t('customs.timeline.channelChange', { from: channel(d.from), to: channel(d.to) }));
  if (showOfficers && e.action === 'reassign') lines.push(t('customs.timeline.reassigned', { from: nameOf(d.from) || '—', to: nameOf(d.to) }));
  if (showOfficers && e.action === 'assess' && isRecord(d.assignee)) lines.push(t('customs.timeline.assignee', { name: nameOf(d.assignee) }));
  if (e.action === 'amend') lines.push(t('customs.timeline.version', { from: str(d.previousVersion), to: str(d.newVersion) }));
  if (e.action === 'attach_document') lines.push(t('customs.timeline.document', { type: codeLabel(t, 'customs.doc.', str(d.type)), filename: str(d.filename) }));
  if (isRecord(d.inspection)) {
    const i = d.inspection;
    lines.push(t('customs.timeline.inspection', { kind: codeLabel(t, 'customs.inspection.', str(i.kind)), at: f.dateTime(str(i.at)), location: str(i.location) || '—' }));
  }
  if (d.outcome) lines.push(t('customs.timeline.outcome', { outcome: codeLabel(t, 'customs.outcome.', str(d.outcome)) }));
  if (Array.isArray(d.documentTypes) && d.documentTypes.length) {
    lines.push(t('customs.timeline.documentTypes', { list: d.documentTypes.map((x) => codeLabel(t, 'customs.doc.', str(x))).join(', ') }));
  }
  if (Array.isArray(d.findings)) for (const x of d.findings) lines.push(t('customs.timeline.finding', { text: str(x) }));
  if (d.reason) lines.push(t('customs.timeline.reason', { text: str(d.reason) }));
  if (d.note) lines.push(t('customs.timeline.note', { text: str(d.note) }));
  return lines;
}

function actorLabel(actor: TimelineEntry['actor'], t: Translate): string {
  if (actor.role === 'system') return t('customs.actor.system');
  const key = roleLabelKey(actor.role);
  return key ? `${actor.name} · ${t(key)}` : actor.name;
}

/** A declaration's history: every transition with its time (Vietnam), actor and reason. */
export function Timeline({ entries, showOfficers = false }: { entries: readonly TimelineEntry[]; showOfficers?: boolean }) {
  const { t } = useI18n();
  const f = useFormats();
  if (entries.length === 0) return <p className="muted">{t('customs.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <li key={e.seq} className="timeline-entry">
          <div className="timeline-head">
            <strong>{codeLabel(t, 'customs.event.', e.action)}</strong>
            {e.from !== e.to && (
              <span className="timeline-states">
                {e.from ? `${stateLabel(e.from, t)} → ` : ''}
                {stateLabel(e.to, t)}
              </span>
            )}
          </div>
          <div className="timeline-meta">
            <time dateTime={e.at}>{f.dateTime(e.at)}</time> · {actorLabel(e.actor, t)}
          </div>
          {detailLines(e, t, f, showOfficers).map((line, i) => (
            <p key={i} className="timeline-detail">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
