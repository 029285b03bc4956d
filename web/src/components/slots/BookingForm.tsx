import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { listDeclarations } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import type { DeclarationView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem, stateLabel } from '../../problems.ts';
import { createBooking, listVehicles, type Vehicle } from '../../slots/api.ts';
import { compactPlate, label, LANE_CLASSES, UNBOOKABLE_STATES, VEHICLE_CLASSES, vehicleClassOf, vehicleWithPlate } from './labels.ts';
import { SlotPicker } from './SlotPicker.tsx';
import { VehicleRegistration } from './VehicleRegistration.tsx';

/**
 * Books a crossing slot: one of my submitted or released declarations (its direction and tractor
 * decide the truck), the fee class, trailer and driver, and a slot with room on both sides.
 */
export function BookingForm({ bookedDeclarations, onBooked }: { bookedDeclarations: ReadonlySet<string>; onBooked: () => void }) {
  const { t } = useI18n();
  const f = useFormats();
  const [declarations, setDeclarations] = useState<DeclarationView[] | null>(null);
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [declarationId, setDeclarationId] = useState('');
  const [laneClass, setLaneClass] = useState<string>('general');
  const [vehicleClass, setVehicleClass] = useState<string>('tractor_trailer');
  const [trailer, setTrailer] = useState('');
  const [driverName, setDriverName] = useState('');
  const [driverDocument, setDriverDocument] = useState('');
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [d, v] = await Promise.all([listDeclarations(null, 200), listVehicles()]);
      setDeclarations(d.items.filter((x) => !UNBOOKABLE_STATES.includes(x.state)));
      setVehicles(v);
    } catch (err) {
      setProblem(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const bookable = useMemo(() => (declarations ?? []).filter((d) => !bookedDeclarations.has(d.id)), [declarations, bookedDeclarations]);
  const chosen = bookable.find((d) => d.id === declarationId);
  const transport = chosen?.content.consignment?.transport;
  const plate = transport?.tractorPlate ?? '';
  const direction = chosen?.content.direction ?? 'inbound';
  const vehicle = plate ? vehicleWithPlate(vehicles, plate) : undefined;
  const trailers = useMemo(() => {
    const plates = [transport?.trailerPlate, ...vehicles.filter((v) => v.kind === 'trailer').map((v) => v.plate)].filter((p): p is string => !!p);
    return plates.filter((p, i) => plates.findIndex((q) => compactPlate(q) === compactPlate(p)) === i);
  }, [transport?.trailerPlate, vehicles]);

  const choose = (id: string) => {
    setDeclarationId(id);
    const d = bookable.find((x) => x.id === id);
    const tr = d?.content.consignment?.transport;
    setTrailer(tr?.trailerPlate ?? '');
    setDriverName(tr?.driverName ?? '');
    setDriverDocument(tr?.driverDocument ?? '');
    setVehicleClass(vehicleClassOf(tr?.tractorPlate ? vehicleWithPlate(vehicles, tr.tractorPlate) : undefined, !!tr?.trailerPlate));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice('');
    setProblem(null);
    if (!chosen || !slotStart || !driverName.trim() || !driverDocument.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const b = await createBooking({
        declarationId: chosen.id, direction, laneClass, slotStart, plate, vehicleClass, ...(trailer ? { trailerPlate: trailer } : {}),
        driver: { name: driverName.trim(), document: driverDocument.trim() },
      });
      setNotice(t('slots.book.done', { plate: b.plate, time: f.dateTime(b.slotStart) }));
      setDeclarationId('');
      setSlotStart(null);
      setRefreshKey((k) => k + 1);
      onBooked();
    } catch (err) {
      setProblem(err);
      // The slot may have filled meanwhile: show what is left now.
      setRefreshKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="slots-book-title">
      <h2 id="slots-book-title">{t('slots.book.title')}</h2>
      <p className="field-hint">{t('slots.book.intro')}</p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : undefined}>{notice}</p>
      {declarations !== null && declarations.length === 0 && <p className="empty-state">{t('slots.book.noDeclarations')}</p>}
      <form className="slots-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="slots-declaration">{t('slots.book.declaration')}</label>
          <select id="slots-declaration" value={declarationId} onChange={(e) => choose(e.target.value)} required>
            <option value="">{t('slots.book.declarationPick')}</option>
            {bookable.map((d) => (
              <option key={d.id} value={d.id}>
                {t('slots.book.declarationOption', { reference: d.content.localReference || d.id, plate: d.content.consignment?.transport?.tractorPlate ?? '—', state: stateLabel(d.state, t) })}
              </option>
            ))}
          </select>
        </div>
        {chosen && (
          <>
            <div className="slots-row">
              <div className="field">
                <span className="field-label">{t('slots.book.direction')}</span>
                <p className="slots-fact">{label(t, 'gate.direction.', direction)}</p>
              </div>
              <div className="field">
                <span className="field-label">{t('slots.book.plate')}</span>
                <p className="slots-fact"><span className="gate-plate">{plate}</span></p>
                <p className="field-hint">{vehicle ? t('slots.book.vehicleRegistered', { kind: label(t, 'slots.vehicleKind.', vehicle.kind), axles: String(vehicle.axles) }) : t('slots.book.vehicleNotRegistered')}</p>
                {!vehicle && plate && (
                  <VehicleRegistration plate={plate} onRegistered={(v) => { setVehicles((all) => [...all, v]); setVehicleClass(vehicleClassOf(v, !!trailer)); }} />
                )}
              </div>
            </div>
            <div className="slots-row">
              <div className="field">
                <label className="field-label" htmlFor="slots-lane">{t('slots.book.laneClass')}</label>
                <select id="slots-lane" value={laneClass} onChange={(e) => setLaneClass(e.target.value)}>
                  {LANE_CLASSES.map((c) => <option key={c} value={c}>{label(t, 'gate.class.', c)}</option>)}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor="slots-vehicle-class">{t('slots.book.vehicleClass')}</label>
                <select id="slots-vehicle-class" value={vehicleClass} onChange={(e) => setVehicleClass(e.target.value)}>
                  {VEHICLE_CLASSES.map((c) => <option key={c} value={c}>{label(t, 'slots.vehicleClass.', c)}</option>)}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor="slots-trailer">{t('slots.book.trailer')}</label>
                <select id="slots-trailer" value={trailer} onChange={(e) => setTrailer(e.target.value)}>
                  <option value="">{t('slots.book.trailerNone')}</option>
                  {trailers.map((p) => <option key={p} value={p}>{p}</option>)}
                </select>
              </div>
            </div>
            <div className="slots-row">
              <div className="field">
                <label className="field-label" htmlFor="slots-driver-name">{t('slots.book.driverName')}</label>
                <input id="slots-driver-name" value={driverName} maxLength={200} required autoComplete="off" onChange={(e) => setDriverName(e.target.value)} aria-invalid={missing && !driverName.trim()} />
              </div>
              <div className="field">
                <label className="field-label" htmlFor="slots-driver-document">{t('slots.book.driverDocument')}</label>
                <input id="slots-driver-document" value={driverDocument} maxLength={40} required autoComplete="off" onChange={(e) => setDriverDocument(e.target.value)} aria-invalid={missing && !driverDocument.trim()} />
              </div>
            </div>
            <SlotPicker id="slots-book" direction={direction} laneClass={laneClass} value={slotStart} onChange={setSlotStart} refreshKey={refreshKey} />
          </>
        )}
        {missing && <p role="alert" className="alert alert-error">{t('slots.book.missing')}</p>}
        {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('slots.book.submitting') : t('slots.book.submit')}</button>
        </div>
      </form>
    </section>
  );
}
