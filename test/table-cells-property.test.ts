import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { textCells } from '../src/model/tables/grid.js';
import { parseCellValue } from '../src/model/tables/values.js';
import { cleanCellText } from '../src/model/text-table.js';
import { MappedText } from '../src/util/mapped-text.js';
import { runs } from './helpers/runs.js';

/** Pieces of table lines as they arrive: labels, figures (half- and full-width), brackets, notes, placeholders. */
const piece = fc.constantFrom(
  '规章', '行政许可', '商', '业', '企业', '（二）部分公开', '（区分处理的', '只计这一情形', '不计其他情形）', '(三)', '不予公开',
  '0', '12', '３', '１２０', '-5', '+1.5', '723000075', '2019年', '第20条', '/', '—', '－', '约3件', '10余', '|', '｜', '，', '。', 'a', '①',
);
/** White space between pieces: spaces, tabs, full-width spaces, NBSP, none. */
const gap = fc.constantFrom(' ', '  ', '   ', '\t', '\u3000', '\u00a0', ' \u3000 ', '');
const line = fc.tuple(fc.array(fc.tuple(gap, piece), { minLength: 1, maxLength: 14 }), gap).map(([parts, end]) => parts.map(([g, p]) => g + p).join('') + end);

describe('cells of a line of text', () => {
  it('are clean cell text, each mapped to its own place in the source', () => {
    fc.assert(
      fc.property(line, fc.nat({ max: 5000 }), (s, at) => {
        const src = MappedText.identity(s, at);
        for (const cell of textCells(src)) {
          const clean = cleanCellText(cell.text);
          expect(cell.text.text).toBe(clean.text);
          expect(cell.text.text).not.toBe('');
          expect(cell.range).toEqual(clean.range());
          // the source text at the cell's range, cleaned, is the cell's text
          expect(cleanCellText(MappedText.identity(s.slice(cell.range.start - at, cell.range.end - at), cell.range.start)).text).toBe(cell.text.text);
        }
      }),
      { numRuns: runs(200, 2000) },
    );
  });
});

describe('a cell read as a value', () => {
  it('reads the same whatever white space surrounds it', () => {
    fc.assert(
      fc.property(piece, gap, gap, fc.nat({ max: 5000 }), (p, before, after, at) => {
        const bare = parseCellValue(MappedText.identity(p, at));
        const padded = parseCellValue(MappedText.identity(before + p + after, at - before.length));
        expect(padded).toEqual(bare);
        expect(bare.range).toEqual({ start: at, end: at + p.length });
      }),
      { numRuns: runs(200, 2000) },
    );
  });
});

describe('a cell broken over lines, cleaned', () => {
  const isWhite = (c: string): boolean => /\s/.test(c);
  const isChinese = (c: string | undefined): boolean => c !== undefined && /[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

  it('keeps each character at its own source offset, one space where neither side is Chinese', () => {
    // lines of one cell, each from its own place in the source (as a row that runs on is joined)
    const lines = fc.array(fc.tuple(line, fc.nat({ max: 50 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(lines, fc.nat({ max: 5000 }), (ls, at) => {
        let offset = at;
        const parts = ls.map(([s, skip]) => {
          const m = MappedText.identity(s, offset + skip);
          offset += skip + s.length + 1;
          return m;
        });
        const joined = MappedText.concat(parts, parts.slice(1).map(() => ' ')).trim();
        // the expected text and offsets, character by character
        const chars = joined.text;
        const want: string[] = [];
        const wantAt: number[] = [];
        for (let i = 0; i < chars.length; ) {
          if (!isWhite(chars[i]!)) {
            want.push(chars[i]!);
            wantAt.push(joined.toSource(i));
            i++;
            continue;
          }
          let j = i;
          while (j < chars.length && isWhite(chars[j]!)) j++;
          if (!isChinese(chars[i - 1]) && !isChinese(chars[j])) {
            want.push(' ');
            wantAt.push(joined.toSource(i));
          }
          i = j;
        }
        const clean = cleanCellText(joined);
        expect(clean.text).toBe(want.join(''));
        expect(Array.from(clean.text, (_, i) => clean.toSource(i))).toEqual(wantAt);
      }),
      { numRuns: runs(200, 2000) },
    );
  });
});
