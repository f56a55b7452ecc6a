/**
 * Header cells printed down narrow columns in text laid out in columns (a text browser's dump of a
 * borderless table, a PDF's text taken out with its layout): 结 / 果 / 维 / 持 beside 结 / 果 / 纠 /
 * 正, a character a line. Generated in every spacing, indentation and vertical alignment, table 4
 * reads as the figures written, and a wrong total is found.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readBuffer } from '../src/read/index.js';
import { parse } from '../src/parse/index.js';
import { buildReport } from '../src/model/index.js';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { consistentT4 } from './helpers/layouts.js';
import { runs } from './helpers/runs.js';

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const OUTCOME_IDS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const GROUP_IDS = ['review', 'direct-suit', 'suit-after-review'];
const TABLE_RULES = allRules.filter((r) => ['table-missing', 'table-structure', 'format-version', 'table-cell-value', 'table-sum', 'table-balance'].includes(r.id));

interface Shape {
  /** display columns from one column's start to the next (a character is two) */
  pitch: number;
  indent: number;
  /** where a shorter label stands in the header's height */
  align: 'top' | 'bottom' | 'middle';
  /** characters a line in each header cell */
  perLine: 1 | 2;
}

/** Table 4 laid out in columns of spaces, its outcome headers down their columns. */
function table4(v: number[][], s: Shape): string {
  const put = (line: string[], x: number, text: string): void => {
    // (line: one display column an entry; a Chinese character fills two)
    while (line.length < x) line.push(' ');
    for (const ch of text) {
      line[x] = ch;
      if (/[^\x20-\x7e]/.test(ch)) line[x + 1] = '';
      x += /[^\x20-\x7e]/.test(ch) ? 2 : 1;
    }
  };
  const xs = Array.from({ length: 15 }, (_, k) => s.indent + k * s.pitch);
  const head1: string[] = [];
  put(head1, xs[0]!, '行政复议');
  put(head1, xs[5]!, '行政诉讼');
  const head2: string[] = [];
  put(head2, xs[5]!, '未经复议直接起诉');
  put(head2, xs[10]!, '复议后起诉');
  const pieces = (label: string): string[] => (s.perLine === 1 ? [...label] : label.match(/.{1,2}/gu)!);
  const height = Math.max(...OUTCOMES.map((o) => pieces(o).length));
  const stack: string[][] = Array.from({ length: height }, () => []);
  for (let k = 0; k < 15; k++) {
    const p = pieces(OUTCOMES[k % 5]!);
    const from = s.align === 'top' ? 0 : s.align === 'bottom' ? height - p.length : Math.floor((height - p.length) / 2);
    p.forEach((piece, i) => put(stack[from + i]!, xs[k]!, piece));
  }
  const figures: string[] = [];
  v.flat().forEach((n, k) => put(figures, xs[k]!, String(n)));
  return [head1, head2, ...stack, figures].map((l) => l.join('').replace(/\s+$/, '')).join('\n');
}

function report(t4: string): string {
  return `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
四、政府信息公开行政复议、行政诉讼情况
${t4}
五、存在的主要问题及改进情况
人员不足。
`;
}

const valuesArb = fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 });
const shapeArb = fc.record({
  // a figure of two digits and the gap after it fit in the pitch; a header piece of two characters too
  pitch: fc.integer({ min: 5, max: 9 }),
  indent: fc.integer({ min: 0, max: 8 }),
  align: fc.constantFrom<Shape['align']>('top', 'bottom', 'middle'),
  perLine: fc.constantFrom<Shape['perLine']>(1, 2),
});

describe('table 4 with its header cells down narrow columns, in text', () => {
  it('reads as the figures written', () => {
    fc.assert(
      fc.property(valuesArb, shapeArb, (raw, shape) => {
        const v = consistentT4(raw);
        const text = report(table4(v, shape));
        const doc = readBuffer(Buffer.from(text), 'report.txt');
        const t = buildReport(doc, parse(doc)).official.tables.find((x) => x.kind === 'review-litigation');
        expect(t, text).toBeDefined();
        const got = GROUP_IDS.map((g) => OUTCOME_IDS.map((o) => t!.cells[g]?.[o]?.value));
        expect(got, text).toEqual(v);
      }),
      { numRuns: runs(60, 600) },
    );
  });

  it('a wrong total is found', () => {
    fc.assert(
      fc.property(valuesArb, shapeArb, (raw, shape) => {
        const v = consistentT4(raw).map((g) => [...g]);
        v[1]![4]! += 1;
        const messages = lintText(report(table4(v, shape)), 'report.txt', { rules: TABLE_RULES }).messages.filter((m) => m.severity === 2);
        expect(messages.map((m) => m.ruleId)).toEqual(['table-sum']);
      }),
      { numRuns: runs(30, 300) },
    );
  });
});
