import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { consistentT3, consistentT4, renderT3, renderT4, report2021, T3_COLUMNS, T3_LEAVES, T3_ROWS, type Layout } from './tables-fixtures.js';
import { runs } from './helpers/runs.js';

const TABLE_RULES = allRules.filter((r) => ['table-missing', 'table-structure', 'format-version', 'table-cell-value', 'table-sum', 'table-balance'].includes(r.id));
const LAYOUTS: Layout[] = ['gfm', 'pipe', 'html'];

const count = fc.nat({ max: 30 });
const six = fc.array(count, { minLength: 6, maxLength: 6 });
const tables = fc.record({
  leaves: fc.array(six, { minLength: T3_LEAVES.length, maxLength: T3_LEAVES.length }),
  carried: six,
  forwardShare: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
  t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
});

function build(x: { leaves: number[][]; carried: number[]; forwardShare: number[]; t4: number[][] }) {
  // 结转下年 stays small enough that 新收 = 总计 + 结转下年 − 上年结转 is never negative
  const results = [0, 1, 2, 3, 4, 5].map((c) => x.leaves.reduce((a, l) => a + l[c]!, 0));
  const forward = x.forwardShare.map((f, c) => Math.min(f, results[c]! + x.carried[c]!));
  const carried = x.carried.map((v, c) => Math.min(v, results[c]! + forward[c]!));
  return { t3: consistentT3(x.leaves, carried, forward), t4: consistentT4(x.t4) };
}

function lint(t3: Record<string, number[]>, t4: number[][], layout: Layout) {
  const { text, filename } = report2021(renderT3(t3, layout), renderT4(t4, layout), layout);
  return lintText(text, filename, { rules: TABLE_RULES }).messages;
}

describe.each(LAYOUTS)('consistent tables rendered as %s', (layout) => {
  it('give no table diagnostic', () => {
    fc.assert(
      fc.property(tables, (x) => {
        const { t3, t4 } = build(x);
        expect(lint(t3, t4, layout)).toEqual([]);
      }),
      { numRuns: runs(6, 60) },
    );
  });

  it('report the relation a changed number breaks, with the computed value', () => {
    const cells: [string, number][] = [];
    for (const [id] of T3_ROWS) for (let c = 0; c < T3_COLUMNS.length; c++) cells.push([id, c]);
    fc.assert(
      fc.property(tables, fc.nat({ max: cells.length + 14 }), fc.integer({ min: 1, max: 9 }), (x, pick, delta) => {
        const { t3, t4 } = build(x);
        let rule: string;
        if (pick < cells.length) {
          const [row, col] = cells[pick]!;
          t3[row]![col]! += delta;
          rule = 'table-sum|table-balance';
        } else {
          const k = pick - cells.length;
          t4[Math.floor(k / 5)]![k % 5]! += delta;
          rule = 'table-sum';
        }
        const ms = lint(t3, t4, layout);
        expect(ms.length).toBeGreaterThan(0);
        for (const m of ms) expect(m.ruleId).toMatch(new RegExp(`^(${rule})$`));
        // the one changed cell is off by delta in every relation reported
        for (const m of ms) expect(Math.abs(Number(m.expected) - Number(m.actual))).toBe(delta);
      }),
      { numRuns: runs(6, 60) },
    );
  });
});

describe('the tables of one consistent report agree across layouts', () => {
  it('extract the same cells from GFM, pipe text and HTML', async () => {
    const { buildReport } = await import('../src/model/index.js');
    const { parse } = await import('../src/parse/index.js');
    const { readBuffer } = await import('../src/read/index.js');
    fc.assert(
      fc.property(tables, (x) => {
        const { t3, t4 } = build(x);
        const read = (layout: Layout) => {
          const { text, filename } = report2021(renderT3(t3, layout), renderT4(t4, layout), layout);
          const doc = readBuffer(Buffer.from(text), filename);
          const r = buildReport(doc, parse(doc));
          return r.official.tables.map((t) => ({
            template: t.template,
            cells: Object.fromEntries(Object.entries(t.cells).map(([row, cs]) => [row, Object.fromEntries(Object.entries(cs).map(([c, v]) => [c, v.value]))])),
          }));
        };
        const gfm = read('gfm');
        expect(gfm.map((t) => t.template)).toEqual(['proactive-2021', 'applications-2021', 'review-litigation-2021']);
        expect(gfm[1]!.cells['results-total']).toEqual(Object.fromEntries(T3_COLUMNS.map((c, i) => [c, t3['results-total']![i]])));
        expect(read('pipe')).toEqual(gfm);
        expect(read('html')).toEqual(gfm);
      }),
      { numRuns: runs(3, 25) },
    );
  });
});
