import { useMemo } from 'react';
import type { User } from '../../api.ts';
import '../../customs.css';
import '../../gate/gate.css';
import '../../slots/slots.css';
import { useI18n } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { useSubRoute } from '../../router.ts';
import { listBookings } from '../../slots/api.ts';
import { PageHeader } from '../PageHeader.tsx';
import { usePagedList } from '../usePagedList.ts';
import { BookingDetail } from './BookingDetail.tsx';
import { BookingForm } from './BookingForm.tsx';
import { BookingList } from './BookingList.tsx';

/** The declarant's crossing slots: `#/slots` lists my bookings and books new ones, `#/slots/<id>` opens one. */
export function SlotsScreen({ page }: { page: ShellPage; user: User }) {
  const [id] = useSubRoute();
  return id ? <BookingDetail key={id} id={id} /> : <SlotsHome page={page} />;
}

function SlotsHome({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const { items, next, problem, busy, load } = usePagedList((cursor) => listBookings({ cursor }));

  const booked = useMemo(() => new Set((items ?? []).filter((b) => b.status === 'active').map((b) => b.declarationId)), [items]);
  return (
    <article className="slots-screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
      {items === null && problem === null && <p role="status">{t('common.loading')}</p>}
      {items !== null && <BookingList items={items} next={next} busy={busy} onMore={() => void load(next)} />}
      <BookingForm bookedDeclarations={booked} onBooked={() => void load(null)} />
    </article>
  );
}
