import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth, SIMPLE_WIDTHS } from '../src/util/width.js';

/** Whether a character stands alone as a grapheme beside any neighbour (it neither joins the one before nor the one after). */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const alone = (ch: string): boolean => ['a', '中', ch].every((n) => [...segmenter.segment(n + ch + n)].length === 3);

describe('displayWidth', () => {
  it('counts every character of its table as string-width does, each a grapheme of its own', () => {
    const wrong: string[] = [];
    for (const [from, to, width] of SIMPLE_WIDTHS) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCharCode(cp);
        if (stringWidth(ch) !== width || !alone(ch)) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  const pieces = [
    '青河县人民政府办公室',
    '2024年1月1日至12月31日',
    '“政府信息公开”…——',
    '①②·×÷℃',
    '（一）予以公开：',
    'ABC abc 123 | - :',
    '┌─┬─┐',
    '✔ ✖',
    '\u3000',
    // characters the table leaves to string-width: combining marks, emoji, astral ideographs, controls
    '\u302a',
    'か\u3099',
    '👍🏽',
    '✖\ufe0f',
    '👨‍👩‍👧',
    '𠮷',
    'é',
    '\t',
    '\u200b',
    '한국어',
    'ｱｲｳ',
  ];
  it('gives string-width’s width for any text, the characters of its table or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 2000 },
    );
  });
});
