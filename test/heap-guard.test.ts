import { describe, expect, it } from 'vitest';
import { fullCollection, HeapGuard } from '../src/util/heap.js';

const MB = 2 ** 20;

/** A heap whose size the test sets, and which counts the collections asked of it. */
function fakeHeap(start: number) {
  const h = {
    size: start,
    collections: 0,
    /** what a collection leaves */
    after: start,
    used: () => h.size,
    collect: () => {
      h.collections++;
      h.size = h.after;
    },
  };
  return h;
}

describe('HeapGuard', () => {
  it('collects once the heap has grown by its step since the last collection, and not before', () => {
    const heap = fakeHeap(100 * MB);
    const guard = new HeapGuard(128, 1, heap);
    heap.size = 200 * MB;
    guard.tick();
    expect(heap.collections).toBe(0);
    heap.size = 229 * MB;
    heap.after = 150 * MB;
    guard.tick();
    expect(heap.collections).toBe(1);
    // the step counts from what the collection left (150 MB)
    heap.size = 270 * MB;
    guard.tick();
    expect(heap.collections).toBe(1);
    heap.size = 280 * MB;
    guard.tick();
    expect(heap.collections).toBe(2);
  });

  it('looks at the heap only every so many records', () => {
    const heap = fakeHeap(0);
    const guard = new HeapGuard(1, 100, heap);
    heap.size = 10 * MB;
    for (let i = 0; i < 99; i++) guard.tick();
    expect(heap.collections).toBe(0);
    guard.tick();
    expect(heap.collections).toBe(1);
  });

  it('reaches the runtime’s full collection, which frees what nothing holds', async () => {
    const gc = fullCollection();
    expect(typeof gc).toBe('function');
    let held: object | null = { big: new Array<number>(1000).fill(1) };
    const ref = new WeakRef(held);
    held = null;
    // a WeakRef's target is kept until the end of the job that made it
    await new Promise((resolve) => setImmediate(resolve));
    gc!();
    expect(ref.deref()).toBeUndefined();
  });
});
