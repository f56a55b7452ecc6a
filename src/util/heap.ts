import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/** The runtime's full garbage collection (reached as jest's leak detector reaches it), or null where it cannot be had. */
export function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') return (collector = exposed as () => void);
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}

/**
 * Keeps the heap near what a long pass over many records really holds.
 *
 * A pass that parses a record per line (an audit reads back 100,000 results of 15 KB each) promotes
 * a little of each record to the old generation, and V8 sets the old generation's limit at a multiple
 * of what it held at its last full collection: a pass that holds 90 MB grew the heap to 750 MB before
 * V8 collected it. `tick()` after each record looks at the heap now and then and, once it has grown
 * by `stepMb` since the last look that collected, collects it in full (a few times per 100,000 records).
 */
export class HeapGuard {
  private calls = 0;
  private base: number;

  constructor(
    private readonly stepMb = 128,
    private readonly every = 256,
    /** how the heap is measured and collected (the runtime's, unless a test gives its own) */
    private readonly heap: { used(): number; collect(): void } = { used: () => v8.getHeapStatistics().used_heap_size, collect: () => fullCollection()?.() },
  ) {
    this.base = heap.used();
  }

  tick(): void {
    if (++this.calls % this.every !== 0) return;
    if (this.heap.used() - this.base < this.stepMb * 2 ** 20) return;
    this.heap.collect();
    this.base = this.heap.used();
  }
}
