import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a `{ items, next }` list endpoint. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * A cursor-paged list loaded on mount: `load(null)` reloads from the start, `load(next)` appends
 * the following page. `items` is null until the first page arrives; `problem` holds the last
 * failure until a load succeeds.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (cursor: string | null) => {
    setBusy(true);
    try {
      const res = await fetchRef.current(cursor);
      setItems((prev) => (cursor && prev ? [...prev, ...res.items] : res.items));
      setNext(res.next);
      setProblem(null);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return { items, next, problem, busy, load };
}
