import { listDeclarations } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { usePagedList } from '../usePagedList.ts';
import { ChannelBadge, StateBadge } from '../customs/Badges.tsx';
import { AdvanceDeclarations } from './AdvanceDeclarations.tsx';

/** The enterprise's declarations, newest first, with status and channel; the way in to a new one. */
export function DeclarationList({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const f = useFormats();
  const { items, next, problem, busy, load } = usePagedList(listDeclarations);

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey="declarations">
        <a className="button button-primary" href={routeHref('declarations', 'new')}>
          {t('customs.list.new')}
        </a>
      </PageHeader>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <AdvanceDeclarations />
      {items === null && problem === null && <p role="status">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="empty-state">{t('customs.list.empty')}</p>}
      {items && items.length > 0 && (
        <section aria-labelledby="list-title" className="panel">
          <h2 id="list-title">{t('customs.list.title')}</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('customs.list.reference')}</th>
                  <th scope="col">{t('customs.field.type')}</th>
                  <th scope="col">{t('customs.field.borderGate')}</th>
                  <th scope="col">{t('customs.field.tractorPlate')}</th>
                  <th scope="col">{t('customs.list.status')}</th>
                  <th scope="col">{t('customs.list.channel')}</th>
                  <th scope="col">{t('customs.list.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <a href={routeHref('declarations', d.id)}>{d.content.localReference || d.id}</a>
                      {d.content.localReference && <span className="cell-note mono">{d.id}</span>}
                    </td>
                    <td>{d.content.type ? codeLabel(t, 'customs.type.', d.content.type) : '—'}</td>
                    <td>{d.content.borderGate ? codeLabel(t, 'customs.gate.', d.content.borderGate) : '—'}</td>
                    <td className="mono">{d.content.consignment?.transport?.tractorPlate ?? '—'}</td>
                    <td>
                      <StateBadge state={d.state} />
                    </td>
                    <td>
                      <ChannelBadge channel={d.channel} />
                    </td>
                    <td>{f.dateTime(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void load(next)}>
              {t('customs.list.more')}
            </button>
          )}
        </section>
      )}
    </article>
  );
}
