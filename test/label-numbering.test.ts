import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorLines, expectOnlyTheChangedSum } from './helpers/errors.js';
import { readNumbering } from '../src/model/numbering.js';
import { LAYOUTS, renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * The rows of table 3 numbered otherwise than the form's 1. 2. 3.: （1）, 1）, 1), ①, １．, or 1. with a
 * space before the words. A closing bracket alone (1）) was no numbering, and 3）其他 was not the row
 * 3.其他: a false "row missing" error. In the text of a PDF the number of （1） and 1） and a 1. set
 * apart by a space were read as figures, and table 3 could not be checked.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨';
/** 1. 1、 １． before a row's words, as the renderings number the rows of a group */
const ROW_NUMBER = /(?<![\d.（(])([1-9])[.、．](?=[\u4e00-\u9fff“])/g;
const STYLES: Record<string, (d: string) => string> = {
  '（1）': (d) => `（${d}）`,
  '1）': (d) => `${d}）`,
  '1)': (d) => `${d})`,
  '①': (d) => CIRCLED[Number(d) - 1]!,
  '１．': (d) => `${String.fromCharCode(d.charCodeAt(0) + 0xfee0)}．`,
  '1. 属于': (d) => `${d}. `,
};

// (drawings are left out: another numbering's width would put their rules out of line, as no tool draws them)
const LAID_OUT: LayoutName[] = LAYOUTS.filter((l) => l !== 'drawn' && l !== 'pdf-ruled');

describe('rows of table 3 numbered in other styles', () => {
  it('are read in every layout: no error, and a changed figure is found', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...LAID_OUT), fc.constantFrom(...Object.keys(STYLES)), (m, layout, style) => {
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const r = renderReport(report, layout);
          const text = r.text.replace(ROW_NUMBER, (_, d: string) => STYLES[style]!(d));
          expectOnlyTheChangedSum(errorLines(text, r.filename), wrong, `${layout} ${style}`);
        }
      }),
      { numRuns: runs(40, 160) },
    );
  }, 120_000);

  it('reads a closing bracket alone as the numbering of the fourth level, as both brackets', () => {
    for (const line of ['1）属于国家秘密', '1)属于国家秘密', '１）属于国家秘密', '12） 其他']) {
      const n = readNumbering(line);
      expect(n?.numbering.style, line).toBe('arabic-paren');
      expect(n?.numbering.ordinal, line).toBe(Number(/\d+/.exec(line.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))![0]));
    }
    expect(readNumbering('（1）属于国家秘密')?.numbering.style).toBe('arabic-paren');
    // a figure followed by a closing bracket inside a sentence is not at the start of a line
    expect(readNumbering('共1）件')).toBeUndefined();
  });
});
