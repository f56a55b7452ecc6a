import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { LAYOUTS, renderReport } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report with a table of contents before its text (long reports, and PDFs made from Word, have
 * one): the parts' titles listed one after another, with leader dots and page numbers or without,
 * with the parts' sub-items or without. They were taken for the parts themselves, each with nothing
 * under it ("“一、总体情况”下没有内容", six false errors), and the real parts for a list inside the
 * last. The parts are those with text under them: the report is clean, and a figure changed in
 * table 3 is still found.
 */

const PARTS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const SUBS: Record<number, string[]> = { 0: ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理'], 4: ['（一）存在的问题', '（二）改进措施'] };

const contents = fc.record({
  heading: fc.constantFrom('目录', '目  录', '目　　录'),
  leader: fc.constantFrom('', '……………………', '..........', '\t', ' '),
  subs: fc.boolean(),
  pageFrom: fc.integer({ min: 1, max: 3 }),
});

function withContents(text: string, c: { heading: string; leader: string; subs: boolean; pageFrom: number }): string {
  const entries: string[] = [];
  PARTS.forEach((p, k) => {
    entries.push(`${p}${c.leader}${c.leader ? c.pageFrom + k : ''}`);
    if (c.subs) for (const s of SUBS[k] ?? []) entries.push(`${s}${c.leader}${c.leader ? c.pageFrom + k : ''}`);
  });
  const at = text.indexOf('本报告根据');
  expect(at).toBeGreaterThan(0);
  return `${text.slice(0, at)}${c.heading}\n\n${entries.join('\n\n')}\n\n${text.slice(at)}`;
}

/** The text without part five's heading (the contents still list it). */
function withoutPartFive(text: string): string {
  const h = '五、存在的主要问题及改进情况';
  const at = text.lastIndexOf(h);
  expect(at).toBeGreaterThan(text.indexOf(h));
  const mark = /(?:#+ |<p>)$/.exec(text.slice(Math.max(0, at - 8), at));
  return text.slice(0, at - (mark?.[0].length ?? 0)) + text.slice(at + h.length).replace(/^(?:<\/p>)?\r?\n/, '');
}

describe('a table of contents before the text', () => {
  for (const layout of LAYOUTS) {
    it(`is not read as the report's parts (${layout})`, () => {
      fc.assert(
        fc.property(reportModel, contents, (m, c) => {
          for (const [report, wrong] of [[m, false], [withChangedFigure(m, 2, 1, 3), true]] as const) {
            const { text, filename } = renderReport(report, layout);
            const ms = lintText(withContents(text, c), filename).messages;
            const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))];
            expect(errors.filter((id) => id !== 'table-balance')).toEqual(wrong ? ['table-sum'] : []);
            expect(ms.filter((x) => x.ruleId === 'empty-section' || x.ruleId === 'required-sections' || x.ruleId === 'section-order')).toEqual([]);
          }
        }),
        { numRuns: runs(2, 5) },
      );
    }, 120_000);
  }

  for (const layout of LAYOUTS) {
    it(`lists a part the text lacks: only that part is missing (${layout})`, () => {
      fc.assert(
        fc.property(reportModel, contents, (m, c) => {
          const { text, filename } = renderReport(m, layout);
          const ms = lintText(withoutPartFive(withContents(text, c)), filename).messages;
          const errors = ms.filter((x) => x.severity === 2);
          expect(errors.map((x) => x.ruleId)).toEqual(['required-sections']);
          expect(errors[0]!.message).toContain('五、存在的主要问题及改进情况');
        }),
        { numRuns: runs(1, 4) },
      );
    }, 120_000);
  }

  for (const layout of LAYOUTS) {
    it(`whose titles are shorter than the parts' is not read as them either (${layout})`, () => {
      // (the titles do not come again as headings: the parts are told by the text under them)
      const short = ['一、概述', '二、主动公开情况', '三、依申请公开情况', '四、复议诉讼情况', '五、存在问题及改进措施', '六、其他事项'];
      fc.assert(
        fc.property(reportModel, (m) => {
          const { text, filename } = renderReport(m, layout);
          const at = text.indexOf('本报告根据');
          const ms = lintText(`${text.slice(0, at)}目录\n\n${short.join('\n\n')}\n\n${text.slice(at)}`, filename).messages;
          expect(ms.filter((x) => x.severity === 2)).toEqual([]);
        }),
        { numRuns: runs(1, 3) },
      );
    }, 120_000);
  }
});
