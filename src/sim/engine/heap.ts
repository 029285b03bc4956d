/**
 * A binary min-heap ordered by (key, insertion sequence). Equal keys come out in insertion order,
 * which is what makes the event calendar and resource queues deterministic and FIFO on ties.
 * Keys, sequence numbers and items live in parallel arrays so that pushing an entry allocates
 * nothing beyond amortised array growth.
 */
export class StableHeap<T> {
  #keys: number[] = [];
  #seqs: number[] = [];
  #items: T[] = [];
  #next = 0;

  /** Number of entries. */
  get size(): number {
    return this.#items.length;
  }

  /** Key of the smallest entry (Infinity when empty). */
  peekKey(): number {
    return this.#items.length ? this.#keys[0]! : Infinity;
  }

  /** Adds an item under a key; among equal keys, earlier pushes pop first. */
  push(key: number, item: T): void {
    const keys = this.#keys, seqs = this.#seqs, items = this.#items;
    const seq = this.#next++;
    let i = items.length;
    keys.push(key); seqs.push(seq); items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk < key || (pk === key && seqs[p]! < seq)) break;
      keys[i] = pk; seqs[i] = seqs[p]!; items[i] = items[p]!;
      i = p;
    }
    keys[i] = key; seqs[i] = seq; items[i] = item;
  }

  /** Removes and returns the smallest item; undefined when empty. */
  pop(): T | undefined {
    const keys = this.#keys, seqs = this.#seqs, items = this.#items;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0]!;
    const lastKey = keys.pop()!, lastSeq = seqs.pop()!, lastItem = items.pop()!;
    const m = n - 1;
    if (m === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= m) break;
      const r = c + 1;
      if (r < m && (keys[r]! < keys[c]! || (keys[r] === keys[c] && seqs[r]! < seqs[c]!))) c = r;
      const ck = keys[c]!;
      if (lastKey < ck || (lastKey === ck && lastSeq < seqs[c]!)) break;
      keys[i] = ck; seqs[i] = seqs[c]!; items[i] = items[c]!;
      i = c;
    }
    keys[i] = lastKey; seqs[i] = lastSeq; items[i] = lastItem;
    return top;
  }
}
