import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halfWidthOf, toHalfWidth } from '../src/model/numerals.js';
import { MappedText } from '../src/util/mapped-text.js';

/** The conversion as the Unicode tables define it, one character at a time. */
function reference(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Characters around the edges of the converted ranges, CJK text, white space and lone surrogates. */
const unit = fc.oneof(
  fc.integer({ min: 0xff00, max: 0xff60 }),
  fc.constantFrom(0x3000, 0x2fff, 0x3001, 0x20, 0x0a, 0xd83d, 0xde00, 0xdc00),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0x20, max: 0x7e }),
);
const text = (maxLength: number) => fc.array(unit, { maxLength }).map((cs) => String.fromCharCode(...cs));

describe('toHalfWidth', () => {
  it('converts full-width forms and the ideographic space and leaves everything else as it is', () => {
    fc.assert(fc.property(text(200), (s) => toHalfWidth(s) === reference(s)), { numRuns: 500 });
  });

  it('converts texts longer than one chunk of characters, and gives the same answer when asked again', () => {
    const long = `${'统计数据（２０２１年），'.repeat(1200)}\u3000ｅｎｄ`;
    expect(long.length).toBeGreaterThan(10_000);
    expect(toHalfWidth(long)).toBe(reference(long));
    expect(toHalfWidth(long)).toBe(reference(long));
    expect(toHalfWidth('１２３件')).toBe('123件');
    expect(toHalfWidth('１２３件')).toBe('123件');
  });

  it('keeps the conversion of a mapped text on the text, equal to converting its string', () => {
    fc.assert(
      fc.property(text(80), (s) => {
        const t = MappedText.identity(s, 0);
        return halfWidthOf(t) === reference(s) && halfWidthOf(t) === reference(s) && JSON.stringify(t) === JSON.stringify(MappedText.identity(s, 0));
      }),
      { numRuns: 200 },
    );
  });
});
