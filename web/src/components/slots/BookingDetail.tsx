import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../../api.ts';
import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { driverLink, getBooking, getPass, listBookings, rebook, type BookingItem } from '../../slots/api.ts';
import { PageHeader } from '../PageHeader.tsx';
import { label } from './labels.ts';
import { PassQr } from '../gate/PassQr.tsx';
import { SlotPicker } from './SlotPicker.tsx';

/** One booking: its facts, the crossing pass as a QR code with the link for the driver, and moving it to another slot. */
export function BookingDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const f = useFormats();
  const [booking, setBooking] = useState<BookingItem | null>(null);
  const [pass, setPass] = useState<{ token: string; expiresAt: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const b = await getBooking(id);
      // The list carries the journey (progress, fee); a declaration has few bookings.
      const listed = (await listBookings({ declarationId: b.declarationId, limit: 200 })).items.find((x) => x.id === id);
      setBooking(listed ?? { ...b, journey: null });
      setPass(b.status === 'active' ? await getPass(id) : null);
      setProblem(null);
    } catch (err) {
      setProblem(err);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const notFound = problem instanceof ApiProblem && problem.status === 404;
  const fee = booking?.journey?.fee;
  return (
    <article className="slots-screen" aria-labelledby="page-title">
      <p><a href={routeHref('slots')}>← {t('slots.detail.back')}</a></p>
      <PageHeader title={booking ? t('slots.detail.title', { plate: booking.plate }) : t('page.slots.title')} focusKey={`slots/${id}`} />
      {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
      {!booking && problem === null && <p role="status">{t('common.loading')}</p>}
      {booking && !notFound && (
        <>
          <section className="panel" aria-label={t('slots.detail.title', { plate: booking.plate })}>
            <dl className="slots-facts">
              <div><dt>{t('slots.detail.slot')}</dt><dd>{f.dateTime(booking.slotStart)}</dd></div>
              <div><dt>{t('slots.detail.status')}</dt><dd>{label(t, 'slots.status.', booking.status)}</dd></div>
              <div><dt>{t('slots.detail.gate')}</dt><dd>{label(t, 'customs.gate.', booking.gate)}</dd></div>
              <div><dt>{t('slots.detail.lane')}</dt><dd>{label(t, 'gate.direction.', booking.direction)} · {label(t, 'gate.class.', booking.laneClass)}</dd></div>
              <div><dt>{t('slots.detail.plate')}</dt><dd className="gate-plate">{booking.plate}</dd></div>
              {booking.journey?.trailerPlate && <div><dt>{t('slots.detail.trailer')}</dt><dd className="gate-plate">{booking.journey.trailerPlate}</dd></div>}
              <div><dt>{t('slots.detail.driver')}</dt><dd>{booking.driver.name} · {booking.driver.document}</dd></div>
              <div><dt>{t('slots.detail.declaration')}</dt><dd className="mono"><a href={routeHref('declarations', booking.declarationId)}>{booking.declarationId}</a></dd></div>
              {booking.journey && <div><dt>{t('slots.detail.journey')}</dt><dd>{label(t, 'gate.stage.', booking.journey.state)}</dd></div>}
              <div><dt>{t('slots.detail.rebookings')}</dt><dd>{booking.rebookings}</dd></div>
              {fee && (
                <div>
                  <dt>{t('slots.detail.fee')}</dt>
                  <dd>{fee.paid ? t('slots.feePaid', { amount: f.money(fee.amount, fee.currency), receipt: fee.receipt }) : t('slots.fee', { amount: f.money(fee.amount, fee.currency) })}</dd>
                </div>
              )}
            </dl>
          </section>
          <PassPanel plate={booking.plate} pass={pass} />
          {booking.status === 'active' && <RebookPanel booking={booking} onMoved={load} />}
        </>
      )}
    </article>
  );
}

function PassPanel({ plate, pass }: { plate: string; pass: { token: string; expiresAt: string } | null }) {
  const { t } = useI18n();
  const f = useFormats();
  const [copied, setCopied] = useState('');
  const link = pass ? driverLink(pass.token) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('slots.pass.copied'));
    } catch {
      // No clipboard (insecure origin or denied): the link stays selectable in the field.
      setCopied('');
    }
  };
  return (
    <section className="panel" aria-labelledby="slots-pass-title">
      <h2 id="slots-pass-title">{t('slots.pass.title')}</h2>
      {!pass ? <p>{t('slots.pass.inactive')}</p> : (
        <div className="slots-pass">
          <p className="field-hint">{t('slots.pass.intro')}</p>
          <PassQr token={pass.token} alt={t('slots.pass.qr', { plate })} />
          <p className="field-hint">{t('slots.pass.expires', { time: f.dateTime(pass.expiresAt) })}</p>
          <div className="slots-link">
            <label className="field-label" htmlFor="slots-driver-link">{t('slots.pass.link')}</label>
            <input id="slots-driver-link" readOnly value={link} onFocus={(e) => e.target.select()} />
            <div className="button-row">
              <a className="button button-secondary button-small" href={link} target="_blank" rel="noopener">{t('slots.pass.openDriver')}</a>
              <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>{t('slots.pass.copy')}</button>
            </div>
            <p role="status" aria-live="polite" className="field-hint">{copied}</p>
          </div>
        </div>
      )}
    </section>
  );
}

function RebookPanel({ booking, onMoved }: { booking: BookingItem; onMoved: () => Promise<void> }) {
  const { t } = useI18n();
  const f = useFormats();
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [missing, setMissing] = useState(false);
  const submit = async () => {
    setNotice('');
    setProblem(null);
    setMissing(!slotStart);
    if (!slotStart) return;
    setBusy(true);
    try {
      const moved = await rebook(booking.id, slotStart);
      setNotice(t('slots.rebook.done', { time: f.dateTime(moved.slotStart) }));
      setSlotStart(null);
      await onMoved();
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
      setRefreshKey((k) => k + 1);
    }
  };
  return (
    <section className="panel" aria-labelledby="slots-rebook-title">
      <h2 id="slots-rebook-title">{t('slots.rebook.title')}</h2>
      <p className="field-hint">{t('slots.rebook.intro')}</p>
      <SlotPicker id="slots-rebook" direction={booking.direction} laneClass={booking.laneClass} value={slotStart} onChange={setSlotStart} refreshKey={refreshKey} />
      {missing && <p role="alert" className="alert alert-error">{t('slots.rebook.pick')}</p>}
      {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : undefined}>{notice}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>{t('slots.rebook.submit')}</button>
      </div>
    </section>
  );
}
