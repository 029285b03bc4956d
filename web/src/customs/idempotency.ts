import { useMemo, useRef } from 'react';
import { ApiProblem } from '../api.ts';

/** A fresh `Idempotency-Key`: 128 random bits (getRandomValues works outside secure contexts too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Hands out idempotency keys for one kind of request and retires them once answered. */
export interface IdempotencyKeys {
  /** The key for this attempt: the same one while the request (its fingerprint) is unchanged and unanswered. */
  keyFor(fingerprint: string): string;
  /** Call with the outcome: an answer retires the key; a failure that may not have reached the server keeps it for the retry. */
  settle(outcome?: unknown): void;
}

function mayRetryWithSameKey(err: unknown): boolean {
  return err instanceof ApiProblem && (err.status === 0 || err.status >= 500 || err.code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
}

/**
 * Keys for a form's POST. A double click or a retry after a lost connection reuses the key, so
 * the server replays the first answer instead of acting twice; once an answer arrived (even a
 * 4xx, which the server also remembers) the next attempt gets a new key.
 */
export function useIdempotencyKeys(): IdempotencyKeys {
  const current = useRef<{ fingerprint: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(fingerprint: string) {
        if (current.current?.fingerprint !== fingerprint) current.current = { fingerprint, key: newIdempotencyKey() };
        return current.current.key;
      },
      settle(outcome?: unknown) {
        if (!mayRetryWithSameKey(outcome)) current.current = null;
      },
    }),
    [],
  );
}
