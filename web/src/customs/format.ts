/** Dates in Vietnam time and numbers and money in the locale of the chosen language. */
import { useMemo } from 'react';
import { formatLocaleOf, useI18n, type Lang } from '../i18n/index.tsx';

/** Every time is shown in Vietnam time, whatever the browser's zone. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam keeps UTC+7 all year (no daylight saving), which lets form inputs convert exactly. */
const VN_OFFSET = '+07:00';
const VN_OFFSET_MS = 7 * 3_600_000;

/** Formatters bound to one language. */
export interface Formats {
  dateTime(iso: string | null | undefined): string;
  number(n: number, maxFractionDigits?: number): string;
  money(amount: number, currency: string): string;
  percent(rate: number): string;
  bytes(n: number): string;
  duration(minutes: number): string;
  country(code: string): string;
}

/** Builds the formatters for a language. */
export function formatsFor(lang: Lang): Formats {
  const locale = formatLocaleOf(lang);
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: VN_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  return {
    dateTime: (iso) => {
      if (!iso) return '—';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
    number: (n, maxFractionDigits = 3) => new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n),
    money: (amount, currency) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
      } catch {
        // Not an ISO 4217 code the browser knows: still show the figure and what was typed.
        return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
      }
    },
    percent: (rate) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 100),
    bytes: (n) => new Intl.NumberFormat(locale, { style: 'unit', unit: n >= 1024 * 1024 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 })
      .format(n >= 1024 * 1024 ? n / (1024 * 1024) : Math.max(0.1, n / 1024)),
    duration: (minutes) => {
      const unit = (u: 'hour' | 'minute', n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
      const h = Math.floor(minutes / 60);
      return h > 0 ? `${unit('hour', h)} ${unit('minute', minutes % 60)}` : unit('minute', minutes);
    },
    country: (code) => {
      if (!/^[A-Z]{2}$/.test(code)) return '';
      try {
        return regions.of(code) ?? '';
      } catch {
        return '';
      }
    },
  };
}

/** The formatters of the current language. */
export function useFormats(): Formats {
  const { lang } = useI18n();
  return useMemo(() => formatsFor(lang), [lang]);
}

/** An instant as the value of a `datetime-local` input in Vietnam time (`2026-11-24T08:30`). */
export function toVietnamInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Vietnam time, as an ISO instant; '' stays ''; garbage is passed on for the server to name. */
export function fromVietnamInput(value: string): string {
  if (!value) return '';
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}${VN_OFFSET}`);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
