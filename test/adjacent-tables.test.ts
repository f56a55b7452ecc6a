import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { consistentT3, consistentT4, LABEL_STYLES, renderReport, someT2, t3Leaves, type Gen, type LayoutName, type ReportModel } from './helpers/layouts.js';
import { runs } from './helpers/runs.js';

/**
 * A report whose part three has lost its heading (and the sentence under it): tables 2 and 3 then
 * follow each other with nothing between them that ends a table, and table 2's header rows stood
 * just before table 3's rows. Read as table 3's header, they misplaced its columns, and every row of
 * table 3 drew a false `table-structure` error. The missing part is the report's defect, and the
 * only one: its tables are read as they are, and a changed figure is still found.
 */

const count = fc.nat({ max: 30 });
const model = fc
  .record({
    gen: fc.constantFrom<Gen>('format-2019', 'format-2021'),
    leaves: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 }),
    carried: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    t2: fc.array(fc.nat({ max: 500 }), { minLength: 3, maxLength: 3 }),
    labels: fc.constantFrom(...LABEL_STYLES),
  })
  .map((x): ReportModel => ({ generation: x.gen, t2: someT2(x.gen, x.t2), t3: consistentT3(x.gen, x.leaves, x.carried, x.forward), t4: consistentT4(x.t4), labels: x.labels }));

/** The same report with a figure of table 3 changed after its sums were made. */
function changed(m: ReportModel): ReportModel {
  const t3 = structuredClone(m.t3);
  t3[t3Leaves(m.generation)[0]!]![3]! += 6;
  return { ...m, t3 };
}

const HEADING = '三、收到和处理政府信息公开申请情况';
const INTRO = '本年度收到和处理政府信息公开申请情况见下表。';

/** The report without part three's heading and the sentence under it, however the layout wraps them. */
function withoutPartThree(text: string): string {
  const cut = text.replace(new RegExp(`^(?:#+ |<p>)?${HEADING}(?:</p>)?\\r?\\n\\r?\\n?(?:<p>)?${INTRO}(?:</p>)?\\r?\\n`, 'm'), '');
  expect(cut).not.toBe(text);
  return cut;
}

const LAYOUTS: LayoutName[] = ['gfm', 'gfm-merged', 'html', 'pipe', 'pdf', 'pdf-ruled'];

describe('tables 2 and 3 with the heading between them missing', () => {
  for (const layout of LAYOUTS) {
    it(`are read as they are (${layout})`, () => {
      fc.assert(
        fc.property(model, (m) => {
          for (const [report, wrong] of [[m, false], [changed(m), true]] as const) {
            const { text, filename } = renderReport(report, layout);
            const ms = lintText(withoutPartThree(text), filename).messages;
            const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))].sort();
            expect(ms.filter((x) => x.ruleId === 'table-structure' || x.ruleId === 'table-missing')).toEqual([]);
            // the missing part, and the changed figure's sums: nothing else
            const sums: string[] = errors.filter((id) => id === 'table-sum' || id === 'table-balance');
            expect(errors.filter((id) => id !== 'section-order' && !sums.includes(id))).toEqual(['required-sections']);
            expect(sums.includes('table-sum')).toBe(wrong);
          }
        }),
        { numRuns: runs(4, 40) },
      );
    }, 120_000);
  }
});
