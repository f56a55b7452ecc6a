import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MappedText, type Segment } from '../src/util/mapped-text.js';

/** Segments as builders make them: in text order, each starting where the last ended or after a gap, any source offsets. */
const mapped = fc
  .array(fc.record({ gap: fc.nat(2), len: fc.nat(6), s: fc.nat(60) }), { minLength: 0, maxLength: 8 })
  .chain((parts) => {
    const segs: Segment[] = [];
    let t = 0;
    for (const p of parts) {
      t += p.gap;
      segs.push({ t, s: p.s, len: p.len });
      t += p.len;
    }
    return fc.nat(4).map((extra) => new MappedText('x'.repeat(t + extra), segs));
  });

describe('MappedText.linearEnd', () => {
  it('ends where characters stop mapping one to one, as toSource says', () => {
    fc.assert(
      fc.property(mapped, fc.nat(40), (m, at) => {
        const i = at % (m.length + 2);
        const end = m.linearEnd(i);
        expect(end).toBeGreaterThan(i);
        for (let k = i; k < end; k++) expect(m.toSource(k)).toBe(m.toSource(i) + (k - i));
      }),
      { numRuns: 2000 },
    );
  });

  it('covers a whole segment in one step', () => {
    const m = new MappedText('abcdefgh', [
      { t: 0, s: 10, len: 3 },
      { t: 3, s: 20, len: 5 },
    ]);
    expect(m.linearEnd(0)).toBe(3);
    expect(m.linearEnd(2)).toBe(3);
    expect(m.linearEnd(3)).toBe(8);
    expect(m.linearEnd(7)).toBe(8);
    expect(m.linearEnd(8)).toBe(9);
  });
});

describe('MappedText.trim', () => {
  it('removes exactly what a white-space regexp removes, and keeps the mapping', () => {
    const spaces = ' \t\n\r\u000b\u000c\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const piece = fc.array(fc.constantFrom(...spaces, 'a', '报', '，', '\u200b', '\u0085'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(piece, fc.nat(50), (text, at) => {
        const m = MappedText.identity(text, at);
        const t = m.trim();
        const lead = /^[\s\u3000\u00a0]*/.exec(text)![0].length;
        expect(t.text).toBe(text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''));
        if (t.text.length) expect(t.toSource(0)).toBe(at + lead);
      }),
      { numRuns: 2000 },
    );
  });
});
