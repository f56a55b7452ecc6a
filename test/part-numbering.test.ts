import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { LAYOUTS, renderReport } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report whose six parts are numbered otherwise than 一、 … 六、: one level down, as its
 * sub-items usually are (（一）总体情况 … （六）其他需要报告的事项, or with half-width brackets), or
 * as 第一部分 …. The parts are the format's, named as it names them, and the report's only fault
 * is their numbering: they are read as its parts (no "no headings found" or "part missing" error),
 * its tables are read under them, and a figure changed in table 3 is still found. So too when part
 * one's own items are numbered like the parts and carry the titles of the old format's parts
 * (（一）主动公开情况（二）依申请公开情况 under （一）总体情况). A heading and
 * the sentence under it right after a table given one cell per line are not taken for a cell.
 */

const TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const CN = ['一', '二', '三', '四', '五', '六'];
const STYLES: Record<string, (k: number) => string> = {
  'full-width brackets': (k) => `（${CN[k]}）`,
  'half-width brackets': (k) => `(${CN[k]})`,
  '第…部分': (k) => `第${CN[k]}部分 `,
};

function renumbered(text: string, style: (k: number) => string): string {
  return TITLES.reduce((s, t, k) => {
    const from = `${CN[k]}、${t}`;
    expect(s).toContain(from);
    return s.replace(from, `${style(k)}${t}`);
  }, text);
}

describe('parts numbered otherwise than 一、', () => {
  for (const [name, style] of Object.entries(STYLES)) {
    for (const layout of LAYOUTS) {
      it(`are the report's parts: ${name}, ${layout}`, () => {
        fc.assert(
          fc.property(reportModel, (m) => {
            for (const [report, wrong] of [[m, false], [withChangedFigure(m, 1, 2, 4), true]] as const) {
              const { text, filename } = renderReport(report, layout);
              const ms = lintText(renumbered(text, style), filename).messages;
              expect(ms.filter((x) => x.ruleId === 'required-sections' || x.ruleId === 'table-missing' || x.ruleId === 'table-structure')).toEqual([]);
              const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))];
              expect(errors.filter((id) => id !== 'table-balance')).toEqual(wrong ? ['table-sum'] : []);
            }
          }),
          { numRuns: runs(1, 2) },
        );
      }, 120_000);
    }
  }
});

/** Part one's items as reports write them, numbered like the parts, each item on a line of its own or run into its text. */
const ITEMS = [
  ['主动公开情况', '依申请公开情况', '政府信息管理', '平台建设', '监督保障'],
  ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'],
  ['主动公开政府信息情况', '依申请公开政府信息情况', '政府信息公开的收费及减免情况', '工作人员培训'],
  ['依申请公开情况', '主动公开情况', '监督保障情况'],
];

describe('parts numbered （一）…（六） whose part one has items numbered the same way', () => {
  for (const layout of LAYOUTS) {
    it(`are the report's parts: ${layout}`, () => {
      fc.assert(
        fc.property(reportModel, fc.constantFrom(...ITEMS), fc.boolean(), fc.constantFrom(...Object.values(STYLES).slice(0, 2)), (m, items, ownLine, style) => {
          const overview = items.map((t, k) => `\n${style(k)}${t}${ownLine ? '\n' : '。'}本年度按照要求扎实推进${t}工作，取得明显成效。`);
          const { text, filename } = renderReport({ ...m, overview }, layout);
          const ms = lintText(renumbered(text, style), filename).messages;
          expect(ms.filter((x) => x.ruleId === 'required-sections' || x.ruleId === 'table-missing' || x.ruleId === 'section-order' || x.ruleId === 'empty-section')).toEqual([]);
          expect(ms.filter((x) => x.severity === 2).map((x) => x.ruleId)).toEqual([]);
        }),
        { numRuns: runs(2, 8) },
      );
    }, 120_000);
  }
});
