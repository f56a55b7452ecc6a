import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueSentences } from '../src/audit/fingerprint.js';

describe('uniqueSentences: a fingerprint once each, sorted by hash', () => {
  const fingerprints = fc
    .array(fc.record({ h: fc.integer({ min: 0, max: 40 }).map((x) => x * 104729), n: fc.integer({ min: 0, max: 70000 }) }), { maxLength: 60 })
    .map((s) => ({ h: s.map((x) => x.h), n: s.map((x) => x.n) }));

  it('every hash once, in increasing order, with its longest length (at most 65,535)', () => {
    fc.assert(
      fc.property(fingerprints, (fp) => {
        const d = uniqueSentences(fp);
        const longest = new Map<number, number>();
        fp.h.forEach((h, i) => longest.set(h, Math.max(longest.get(h) ?? 0, Math.min(fp.n[i]!, 65535))));
        expect([...d.h]).toEqual([...longest.keys()].sort((a, b) => a - b));
        expect([...d.n]).toEqual([...d.h].map((h) => longest.get(h)));
      }),
    );
  });

  it('what it returns is returned as it is, and read the same', () => {
    fc.assert(
      fc.property(fingerprints, (fp) => {
        const d = uniqueSentences(fp);
        const again = uniqueSentences(d);
        expect(again.h).toBe(d.h);
        expect(again.n).toBe(d.n);
      }),
    );
    // typed arrays out of order or with a repeat are still sorted and merged
    const d = uniqueSentences({ h: Uint32Array.from([9, 3, 9]), n: Uint16Array.from([5, 7, 8]) });
    expect([...d.h]).toEqual([3, 9]);
    expect([...d.n]).toEqual([7, 8]);
  });
});
