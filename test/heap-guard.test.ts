import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapGuard } from '../src/util/heap.js';

const used = (): number => v8.getHeapStatistics().used_heap_size;
const MB = 2 ** 20;

/** 64 MB made and let go in the large-object space, where only a full collection frees it; the heap's size then. */
function garbage(): number {
  let junk: number[][] | null = Array.from({ length: 40 }, () => new Array<number>(200_000).fill(1.5));
  expect(junk.length).toBe(40);
  junk = null;
  return used();
}

describe('HeapGuard', () => {
  it('collects the heap in full once it has grown by its step, and not before', () => {
    const guard = new HeapGuard(32, 1);
    const before = garbage();
    guard.tick();
    expect(before - used()).toBeGreaterThan(40 * MB);

    // a small growth is left to V8
    const small: number[][] = Array.from({ length: 4 }, () => new Array<number>(200_000).fill(2.5));
    const held = used();
    guard.tick();
    expect(used()).toBeGreaterThanOrEqual(held - MB);
    expect(small.length).toBe(4);
  });

  it('looks at the heap only every so many records', () => {
    const guard = new HeapGuard(32, 1000);
    const before = garbage();
    for (let i = 0; i < 999; i++) guard.tick();
    expect(before - used()).toBeLessThan(40 * MB);
    guard.tick();
    expect(before - used()).toBeGreaterThan(40 * MB);
  });
});
