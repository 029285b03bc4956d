import { useEffect, useState } from 'react';
import { searchTariff } from './api.ts';
import type { TariffLine } from './types.ts';

/** Tariff lines matching what is typed in an HS code input (a code prefix or words), for its suggestion list. */
export function useTariffSuggestions(query: string): TariffLine[] {
  const [lines, setLines] = useState<TariffLine[]>([]);
  const q = query.trim();
  useEffect(() => {
    if (q.length < 2) {
      setLines([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      // Suggestions are a help, not a must: a failed look-up just shows none.
      searchTariff(q).then(
        (found) => live && setLines(found),
        () => live && setLines([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return lines;
}
