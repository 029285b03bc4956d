import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { registerVehicle, type Vehicle } from '../../slots/api.ts';
import { label } from './labels.ts';

const KINDS = ['tractor', 'truck'] as const;

/** Registers the declaration's truck when the enterprise has not yet: kind and axles (the fee class follows). */
export function VehicleRegistration({ plate, onRegistered }: { plate: string; onRegistered: (v: Vehicle) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('tractor');
  const [axles, setAxles] = useState('3');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>{t('slots.vehicle.register', { plate })}</button>
      </div>
    );
  }
  // A nested <form> is not allowed inside the booking form: this is a group with its own button.
  const submit = async () => {
    setBusy(true);
    try {
      onRegistered(await registerVehicle({ plate, kind, axles: Number(axles) }));
      setProblem(null);
      setOpen(false);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-labelledby="slots-vehicle-title" className="gate-item">
      <p id="slots-vehicle-title"><strong>{t('slots.vehicle.title', { plate })}</strong></p>
      <div className="slots-row">
        <div className="field">
          <label className="field-label" htmlFor="slots-vehicle-kind">{t('slots.vehicle.kind')}</label>
          <select id="slots-vehicle-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => <option key={k} value={k}>{label(t, 'slots.vehicleKind.', k)}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="slots-vehicle-axles">{t('slots.vehicle.axles')}</label>
          <input id="slots-vehicle-axles" type="number" inputMode="numeric" min={1} max={12} value={axles} onChange={(e) => setAxles(e.target.value)} />
        </div>
      </div>
      {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => void submit()}>{t('slots.vehicle.submit')}</button>
      </div>
    </div>
  );
}
