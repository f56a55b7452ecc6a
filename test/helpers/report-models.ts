import fc from 'fast-check';
import { consistentT3, consistentT4, LABEL_STYLES, someT2, t3Leaves, type Gen, type ReportModel } from './layouts.js';

/**
 * A consistent report of either format generation (test/helpers/layouts.ts renders it in every
 * layout): random figures in tables 2, 3 and 4, its sums holding, its row labels numbered in any of
 * the styles reports use.
 */
export const reportModel: fc.Arbitrary<ReportModel> = fc
  .record({
    gen: fc.constantFrom<Gen>('format-2019', 'format-2021'),
    leaves: fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 }),
    carried: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    t4: fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    t2: fc.array(fc.nat({ max: 500 }), { minLength: 3, maxLength: 3 }),
    labels: fc.constantFrom(...LABEL_STYLES),
  })
  .map((x) => ({ generation: x.gen, t2: someT2(x.gen, x.t2), t3: consistentT3(x.gen, x.leaves, x.carried, x.forward), t4: consistentT4(x.t4), labels: x.labels }));

/**
 * The same report with one figure of table 3 raised by `by` after its sums were made: the figure of
 * outcome `leaf` (an index into the outcomes （七）总计 adds up) in applicant column `column`.
 */
export function withChangedFigure(m: ReportModel, leaf: number, column: number, by: number): ReportModel {
  const t3 = structuredClone(m.t3);
  t3[t3Leaves(m.generation)[leaf]!]![column]! += by;
  return { ...m, t3 };
}

/**
 * The same report with one figure of table 4 raised by `by` after its sums were made: outcome
 * `outcome` (结果维持, 结果纠正, 其他结果, 尚未审结) of group `group` (行政复议, 未经复议直接起诉, 复议后起诉).
 */
export function withChangedReview(m: ReportModel, group: number, outcome: number, by: number): ReportModel {
  const t4 = structuredClone(m.t4);
  t4[group]![outcome]! += by;
  return { ...m, t4 };
}
