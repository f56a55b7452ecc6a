import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../src/parse/plaintext.js';
import { shifted } from '../src/parse/shift.js';
import { runs } from './helpers/runs.js';

/**
 * Plain text read in place, from a part of a longer text (as Markdown's pipe-row paragraphs are read,
 * src/parse/pipe-rows.ts): the nodes of the part read on its own, moved to where it stands.
 */

/** Pieces of text, with the characters of Markdown syntax among them. */
const PLAIN = ['公开', '政务', '年报', '𠀀', '　', '2021', '24', '0', '.', '：', ':', '/', '|', '｜', '-', ' ', '  ', '    ', '\n', '\r\n', '\r', '\n\n', '\n  \n', 'h', 't', 'p', 's', 'w', 'W', 'H', '(', ')', '!', '^', '#', '=', '+', '>', '1.', '2)'];
/** Lines as reports lay them out: a table row, a heading, prose; joined by one of the line endings, with spaces around. */
const line = fc.oneof(
  fc.array(fc.constantFrom('自然人', '0', '12', '-3', '总计', ''), { minLength: 1, maxLength: 8 }).map((cells) => cells.join(' | ')),
  fc.constantFrom('一、总体情况', '（一）予以公开', '2.其他法律行政法规禁止公开', '1.属于国家秘密', '电话：0797-8123456', '统计期限自2023年1月1日起至2023年12月31日止。'),
  fc.array(fc.constantFrom(...PLAIN), { maxLength: 12 }).map((xs) => xs.join('')),
);
const lines = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    '), line, fc.constantFrom('', ' ', '  ')), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'))
  .map(([ls, eol]) => ls.map(([a, l, b]) => a + l + b).join(eol));

describe('plain text read from a part of a text', () => {
  it('gives the nodes of the part read on its own, moved to where the part stands', () => {
    fc.assert(
      fc.property(lines, lines, lines, fc.constantFrom('\n', '\r\n', '\r'), (before, part, after, eol) => {
        const head = before ? before + eol : '';
        const text = head + part + (after ? eol + after : '');
        const firstLine = head.split(/\r\n|\n|\r/).length;
        const whole = parsePlainText(text, head.length, head.length + part.length, firstLine);
        const alone = parsePlainText(part);
        expect(whole.children).toEqual(alone.children.map((c) => shifted(c, head.length, firstLine - 1)));
      }),
      { numRuns: runs(300, 3000) },
    );
  });
});
