import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { daySlots, type SlotOffer } from '../../slots/api.ts';
import { label, vnDay, vnTime } from './labels.ts';

interface SlotPickerProps {
  /** Prefix of the ids and of the radio group's name (two pickers may share a page). */
  id: string;
  direction: string;
  laneClass: string;
  /** The chosen slot start (ISO), or null. */
  value: string | null;
  onChange: (slotStart: string | null) => void;
  /** Changing it reloads the slots (e.g. after a booking took one). */
  refreshKey?: number;
}

/**
 * A day and its half-hour slots for one direction and lane class, each with what is left and the
 * capacity on our side and on the partner's; slots without room say why and cannot be chosen.
 */
export function SlotPicker({ id, direction, laneClass, value, onChange, refreshKey = 0 }: SlotPickerProps) {
  const { t } = useI18n();
  const [day, setDay] = useState(() => vnDay(new Date()));
  const [slots, setSlots] = useState<SlotOffer[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [onlyFree, setOnlyFree] = useState(true);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    let live = true;
    setSlots(null);
    daySlots(day, direction, laneClass).then(
      (s) => { if (live) { setSlots(s); setProblem(null); } },
      (err: unknown) => { if (live) setProblem(err); },
    );
    return () => { live = false; };
  }, [day, direction, laneClass, refreshKey]);

  // A chosen slot that is no longer offered (another day, or taken meanwhile) is dropped.
  useEffect(() => {
    if (value && slots && !slots.some((s) => s.start === value && s.available > 0)) onChange(null);
  }, [slots, value, onChange]);

  const shown = (slots ?? []).filter((s) => !onlyFree || s.available > 0);
  return (
    <div className="slots-form">
      <div className="slots-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-day`}>{t('slots.picker.day')}</label>
          <input id={`${id}-day`} type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={onlyFree} onChange={(e) => setOnlyFree(e.target.checked)} />
          {t('slots.picker.hideUnavailable')}
        </label>
      </div>
      {problem !== null && <p role="alert" className="alert alert-error">{describeProblem(problem, t)}</p>}
      {slots === null && problem === null && <p role="status">{t('slots.picker.loading')}</p>}
      {slots !== null && (
        <fieldset className="slot-picker">
          <legend>{t('slots.picker.legend', { day })}</legend>
          {shown.length === 0 ? <p>{t('slots.picker.none')}</p> : (
            <ul className="slot-grid">
              {shown.map((s) => {
                const free = s.available > 0;
                return (
                  <li key={s.start} className={free ? 'slot-option' : 'slot-option is-unavailable'}>
                    <label>
                      <input type="radio" name={`${id}-slot`} value={s.start} checked={value === s.start} disabled={!free} onChange={() => onChange(s.start)} />
                      <span className="slot-time">{vnTime(s.start)}–{vnTime(s.end)}</span>
                      <span className="slot-left">{free ? t('slots.picker.left', { n: String(s.available) }) : label(t, 'slots.picker.reason.', s.reason ?? 'full')}</span>
                      <span className="slot-sides">{t('slots.picker.sides', { ours: String(s.ourCapacity), partner: String(s.partnerCapacity) })}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
      )}
    </div>
  );
}
