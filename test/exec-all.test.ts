import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execAll } from '../src/util/exec-all.js';

/** What matchAll gives, as plain data: index, the matched text and the groups. */
const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, groups: [...m], named: m.groups && { ...m.groups } }));

/** Expressions that match nothing, one character, empty strings, whole words, with and without `u`, `y`, lookbehind and named groups. */
const expressions = fc.constantFrom(
  /[0-9]+/g,
  /[0-9]*/g,
  /[0-9]*/gu,
  /(?:件|条)?/gu,
  /(?<=[，,])\s*/gu,
  /(?<num>[一二三四五六七八九十]+)(件)?/gu,
  /.?/gu,
  /\p{Script=Han}{2}/gu,
  /a|/gy,
  /x/g,
);
/** CJK text, digits, punctuation, an emoji (a surrogate pair) and lone surrogates. */
const text = fc
  .array(fc.constantFrom('一', '二', '件', '条', '，', ',', ' ', '1', '23', 'a', 'x', '😀', '\ud83d', '\ude00', '统计'), { maxLength: 30 })
  .map((xs) => xs.join(''));

describe('execAll', () => {
  it('gives the matches matchAll gives, from the same lastIndex, and leaves lastIndex as it was', () => {
    fc.assert(
      fc.property(expressions, text, fc.nat(12), (re, s, from) => {
        re.lastIndex = from;
        const expected = shape(s.matchAll(re));
        expect(re.lastIndex).toBe(from);
        expect(shape(execAll(re, s))).toEqual(expected);
        expect(re.lastIndex).toBe(from);
        re.lastIndex = 0;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => execAll(/a/, 'aaa')).toThrow(TypeError);
    expect(() => 'aaa'.matchAll(/a/)).toThrow(TypeError);
  });
});
