import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers/corpus.js';
import fc from 'fast-check';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { readBuffer } from '../src/read/index.js';
import { parse } from '../src/parse/index.js';
import { buildReport } from '../src/model/index.js';
import { consistentT3, consistentT4, renderReport, someT2, t3Leaves, t3Rows, type Gen, type ReportModel } from './helpers/layouts.js';
import { runs } from './helpers/runs.js';

/**
 * Table 3 whose figures lost the spaces between them (a crawler's dump: `713000074` for
 * 71 3 0 0 0 0 74), in PDF text (a row a line) and in a one-line dump. It is read where the
 * table's sums leave exactly one way of cutting the digits, and otherwise said to be
 * unreadable; it never draws an error.
 */

const TABLE_RULES = allRules.filter((r) => ['table-missing', 'table-structure', 'format-version', 'table-cell-value', 'table-sum', 'table-balance'].includes(r.id));
const GENS: Gen[] = ['format-2019', 'format-2021'];
/** `dump`: the one-line layout with the figures also run onto the next row's label (`713000074二、上年结转…`), as pingtan's */
const LAYOUTS = ['pdf', 'one-line', 'dump'] as const;

/** The report with the spaces between table 3's figures removed. */
function runTogether(m: ReportModel, layout: (typeof LAYOUTS)[number]): { text: string; filename: string } {
  const { text, filename } = renderReport(m, layout === 'dump' ? 'one-line' : layout);
  const from = text.indexOf('三、收到和处理政府信息公开申请情况');
  const to = text.indexOf('四、政府信息公开行政复议');
  let table = text.slice(from, to).replace(/(\d)[ \t]+(?=\d)/g, '$1');
  if (layout === 'dump') table = table.replace(/(\d) (?=[^\d\s])/g, '$1');
  return { text: text.slice(0, from) + table + text.slice(to), filename };
}

function t3Of(text: string, filename: string): Record<string, (number | null)[]> | undefined {
  const doc = readBuffer(Buffer.from(text), filename);
  const t = buildReport(doc, parse(doc)).official.tables.find((x) => x.kind === 'applications');
  return t && Object.fromEntries(Object.entries(t.cells).map(([row, cs]) => [row, Object.values(cs).map((c) => c.value)]));
}

function model(gen: Gen, leaves: number[][], carried: number[], forward: number[]): ReportModel {
  return { generation: gen, t2: someT2(gen, [3, 0, 5]), t3: consistentT3(gen, leaves, carried, forward), t4: consistentT4([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 2, 0]]) };
}

const zeros = (): number[] => [0, 0, 0, 0, 0, 0];

/** A few outcome leaves with a figure in one column each; the rest zero. */
const sparse = (gen: Gen) =>
  fc.record({
    hits: fc.array(fc.record({ leaf: fc.nat(t3Leaves(gen).length - 1), col: fc.nat(5), n: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
    carried: fc.record({ col: fc.nat(5), n: fc.nat(1) }),
    forward: fc.record({ col: fc.nat(5), n: fc.nat(1) }),
  });

function sparseModel(gen: Gen, x: { hits: { leaf: number; col: number; n: number }[]; carried: { col: number; n: number }; forward: { col: number; n: number } }): ReportModel {
  const leaves = t3Leaves(gen).map(zeros);
  for (const h of x.hits) leaves[h.leaf]![h.col]! += h.n;
  const carried = zeros();
  carried[x.carried.col] = x.carried.n;
  const forward = zeros();
  forward[x.forward.col] = x.forward.n;
  return model(gen, leaves, carried, forward);
}

const singleDigits = (m: ReportModel): boolean => Object.values(m.t3).every((r) => r.every((v) => v >= 0 && v <= 9));

describe.each(GENS)('%s: table 3 with its figures run together', (gen) => {
  describe.each(LAYOUTS)('in layout %s', (layout) => {
    it('one way of cutting the digits (a figure a digit): read as printed, and silent', () => {
      fc.assert(
        fc.property(sparse(gen), (x) => {
          const m = sparseModel(gen, x);
          fc.pre(singleDigits(m));
          const { text, filename } = runTogether(m, layout);
          // the digits did run together
          expect(text).toContain(m.t3['results-total']!.join(''));
          if (layout === 'dump') expect(text).toMatch(/\d二、上年结转/);
          expect(lintText(text, filename, { rules: TABLE_RULES }).messages).toEqual([]);
          expect(t3Of(text, filename)).toEqual(Object.fromEntries(t3Rows(gen).map((id) => [id, m.t3[id]])));
        }),
        { numRuns: runs(5, 50) },
      );
    });

    it('figures of several digits: read when the sums decide, never an error, never a wrong grid', () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.nat(40), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
          fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }),
          (some, carried) => {
            const leaves = t3Leaves(gen).map((_, i) => some[i] ?? zeros());
            const m = model(gen, leaves, carried, zeros());
            const { text, filename } = runTogether(m, layout);
            const ms = lintText(text, filename, { rules: TABLE_RULES }).messages;
            expect(ms.filter((x) => x.severity === 2)).toEqual([]);
            const got = t3Of(text, filename);
            if (got) {
              expect(got).toEqual(Object.fromEntries(t3Rows(gen).map((id) => [id, m.t3[id]])));
              expect(ms).toEqual([]);
            } else expect(ms.map((x) => x.ruleId)).toEqual(['table-missing']);
          },
        ),
        { numRuns: runs(6, 60) },
      );
    });

    it('several ways that all add up (11 | 1 or 1 | 11): cannot be checked, said once', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9 }), fc.uniqueArray(fc.nat(t3Leaves(gen).length - 1), { minLength: 2, maxLength: 2 }), (d, [a, b]) => {
          const leaves = t3Leaves(gen).map(zeros);
          // 11d | d and d | 11d: the same digits, the same row total; read either way the columns add up too
          leaves[a!] = [11 * d, d, 0, 0, 0, 0];
          leaves[b!] = [d, 11 * d, 0, 0, 0, 0];
          const m = model(gen, leaves, zeros(), zeros());
          const { text, filename } = runTogether(m, layout);
          const ms = lintText(text, filename, { rules: TABLE_RULES }).messages;
          expect(ms.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['table-missing 1']);
          expect(ms[0]!.message).toMatch(/数字连在一起/);
          expect(t3Of(text, filename)).toBeUndefined();
        }),
        { numRuns: runs(4, 40) },
      );
    });

    it('a changed figure: never an error from a cut; the table is said to be unreadable', () => {
      const rows = t3Rows(gen);
      fc.assert(
        fc.property(sparse(gen), fc.nat(rows.length * 7 - 1), fc.integer({ min: 1, max: 9 }), (x, pick, delta) => {
          const m = sparseModel(gen, x);
          fc.pre(singleDigits(m));
          m.t3[rows[Math.floor(pick / 7)]!]![pick % 7]! += delta;
          const { text, filename } = runTogether(m, layout);
          const ms = lintText(text, filename, { rules: TABLE_RULES }).messages;
          expect(ms.filter((y) => y.severity === 2)).toEqual([]);
          expect(ms.map((y) => y.ruleId)).toEqual(['table-missing']);
        }),
        { numRuns: runs(5, 50) },
      );
    });
  });
});

describe('a report the generator once produced: figures run together, a label wrapped over a page break, one figure changed', () => {
  it('is said to be unreadable, and its table is not taken for the 2019 format', () => {
    const file = path.join(repoRoot, 'fixtures', 'tables', 'run-together-page-break.txt');
    const ms = lintText(readFileSync(file, 'utf8'), 'report.txt', { rules: TABLE_RULES }).messages;
    expect(ms.map((m) => [m.ruleId, m.severity])).toEqual([['table-missing', 1]]);
    expect(ms[0]!.message).toMatch(/数字连在一起/);
  });
});
