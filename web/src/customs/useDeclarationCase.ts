import { useCallback, useEffect, useRef, useState } from 'react';
import { getDeclaration, getTimeline, listDocuments } from './api.ts';
import type { DeclarationView, DocumentView, TimelineEntry } from './types.ts';

/** One declaration with its timeline and documents, as a detail page shows it. */
export interface DeclarationCase {
  declaration: DeclarationView | null;
  timeline: TimelineEntry[];
  documents: DocumentView[];
  /** Why loading failed (a 404 for another enterprise's declaration, a network error), or null. */
  problem: unknown;
  loading: boolean;
  /** Fetches everything again (after an action, or when the user asks). */
  reload: () => Promise<void>;
  /** Takes the declaration an action answered with, then refreshes the rest. */
  accept: (next: DeclarationView) => void;
}

/** Loads a declaration, its timeline and its documents together, and keeps them fresh after actions. */
export function useDeclarationCase(id: string): DeclarationCase {
  const [declaration, setDeclaration] = useState<DeclarationView | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [documents, setDocuments] = useState<DocumentView[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const currentId = useRef(id);
  currentId.current = id;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [d, tl, docs] = await Promise.all([getDeclaration(id), getTimeline(id), listDocuments(id)]);
      // An answer for a declaration the user has already left is dropped.
      if (currentId.current !== id) return;
      setDeclaration(d);
      setTimeline(tl);
      setDocuments(docs);
      setProblem(null);
    } catch (err) {
      setProblem(err);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setDeclaration(null);
    void reload();
  }, [reload]);

  const accept = useCallback(
    (next: DeclarationView) => {
      setDeclaration(next);
      void reload();
    },
    [reload],
  );

  return { declaration, timeline, documents, problem, loading, reload, accept };
}
