import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, lintDocumentWithReport } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { renderReport, template, type ReportModel } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';
import { corpusFile } from './helpers/corpus.js';

/**
 * Table 3 as text taken out of a PDF in the order of its columns (pdftotext without `-layout`
 * gives it so for many Word-made PDFs): on each page the row labels, one a line and wrapped, then
 * the header's column words, then the first column's figures for those rows, then the second's,
 * and so on; the next page the same for the rest of the rows. The figures' rows and columns follow
 * from their count alone when it is exactly the rows times the columns on every page; the table
 * is read so when then every sum of it holds, and left "cannot check" otherwise (a figure missing,
 * or a sum that fails: a misread must not pass for the report's error).
 */

const COLUMN_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 3 of a model, column by column, cut over two pages after row `cut` of its rows with figures. */
function byColumns(m: ReportModel, cut: number, wrap: boolean, drop?: [number, number]): string {
  const rows = template(m.generation, 'applications').blocks[0]!.rows;
  const leaves = rows.filter((r) => !r.group);
  const at = Math.max(1, Math.min(leaves.length - 1, cut));
  const pages = [leaves.slice(0, at), leaves.slice(at)];
  const out: string[] = ['（本列数据的勾稽关系为：第一项加第二项之和，', '等于第三项加第四项之和）', '申请人情况'];
  const label = (t: string): string[] => (wrap && t.length > 14 ? [t.slice(0, 14), t.slice(14)] : [t]);
  pages.forEach((page, p) => {
    for (const r of rows) {
      if (r.group && page.some((l) => rows.indexOf(l) > rows.indexOf(r)) && (p === 0 || !pages[0]!.some((l) => rows.indexOf(l) > rows.indexOf(r)))) out.push(...label(r.title));
      if (page.includes(r)) out.push(...label(r.title));
    }
    if (p === 0) out.push(`- ${3 + p} -`, ...COLUMN_WORDS);
    for (let c = 0; c < 7; c++) {
      for (const r of page) if (!(drop && drop[0] === leaves.indexOf(r) && drop[1] === c)) out.push(String(m.t3[r.id]![c]));
    }
  });
  return out.join('\n\n');
}

/** The report in PDF text, its table 3 replaced by the same table column by column. */
function report(m: ReportModel, t3: string): string {
  const { text } = renderReport(m, 'pdf');
  const from = text.indexOf('（本列数据的勾稽关系为');
  const to = text.indexOf('四、政府信息公开行政复议、行政诉讼情况');
  expect(from).toBeGreaterThan(0);
  return `${text.slice(0, from)}${t3}\n\n${text.slice(to)}`;
}

const layout = fc.record({ cut: fc.integer({ min: 3, max: 20 }), wrap: fc.boolean() });

describe('table 3 given column by column', () => {
  it('is read, each figure in its row and column, when its sums hold', () => {
    fc.assert(
      fc.property(reportModel, layout, (m, { cut, wrap }) => {
        const text = report(m, byColumns(m, cut, wrap));
        const { result, report: r } = lintDocumentWithReport(readBuffer(Buffer.from(text), 'report.txt'));
        expect(result.messages.filter((x) => x.severity === 2)).toEqual([]);
        expect(result.messages.filter((x) => x.ruleId === 'table-missing' && x.line !== undefined && text.split('\n')[x.line - 1]!.includes('本列数据'))).toEqual([]);
        const t3 = r!.official.tables.find((t) => t.kind === 'applications')!;
        expect(t3).toBeDefined();
        for (const [id, vals] of Object.entries(m.t3)) {
          if (!t3.cells[id]) continue;
          expect(Object.values(t3.cells[id]!).map((c) => c.value)).toEqual(vals);
        }
        expect(Object.keys(t3.cells).length).toBe(Object.keys(m.t3).length);
      }),
      { numRuns: runs(6, 25) },
    );
  }, 120_000);

  it('is not checked when a sum fails or a figure is missing: no error drawn from a reading by count', () => {
    fc.assert(
      fc.property(reportModel, layout, fc.boolean(), (m, { cut, wrap }, missing) => {
        const t3 = missing ? byColumns(m, cut, wrap, [2, 3]) : byColumns(withChangedFigure(m, 1, 2, 5), cut, wrap);
        const ms = lintText(report(m, t3), 'report.txt').messages;
        expect(ms.filter((x) => x.severity === 2)).toEqual([]);
        expect(ms.filter((x) => x.ruleId === 'table-missing').map((x) => x.message).join()).toContain('收到和处理政府信息公开申请情况');
      }),
      { numRuns: runs(6, 25) },
    );
  }, 120_000);

  it('is read in a real report', () => {
    const text = corpusFile('full/2024-huaian-1.txt');
    const { result, report: r } = lintDocumentWithReport(readBuffer(Buffer.from(text), '2024-huaian-1.txt'));
    expect(result.messages.filter((x) => x.severity === 2)).toEqual([]);
    const t3 = r!.official.tables.find((t) => t.kind === 'applications')!;
    // as the corpus labels give them
    expect(Object.values(t3.cells['new']!).map((c) => c.value)).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(Object.values(t3.cells['results-total']!).map((c) => c.value)).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(t3.cells['carry-forward']!['total']!.value).toBe(103);
  });
});
