import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxBook, XLSX_MAX_ROWS, type SummaryEnd } from '../src/audit/summary.js';
import type { AuditRecord } from '../src/audit/record.js';
import { tempDir } from './helpers/cli.js';

type Cells = Record<string, Record<string, { v: number | null; k: string; t: string; line: number; column: number }>>;

/** A record whose table 3 holds these cells (row → column → figure, or text when not a figure). */
function record(file: string, table3: Record<string, Record<string, number | string>>, table4: Cells = {}): AuditRecord {
  const cells: Cells = {};
  for (const [row, cols] of Object.entries(table3)) {
    cells[row] = {};
    for (const [col, x] of Object.entries(cols)) cells[row][col] = typeof x === 'number' ? { v: x, k: 'number', t: String(x), line: 1, column: 1 } : { v: null, k: 'text', t: x, line: 1, column: 1 };
  }
  return {
    filePath: file,
    body: { name: '青河县教育局', year: 2022 },
    tables: [
      { kind: 'applications', cells },
      { kind: 'review-litigation', cells: table4 },
      { kind: 'proactive', cells: { rules: { issued: { v: 9, k: 'number', t: '9', line: 1, column: 1 } } } },
    ],
  } as unknown as AuditRecord;
}

const end = { cross: [], area: {} } as unknown as SummaryEnd;

async function read(file: string) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('summary.xlsx: the sheet of tables 3 and 4', () => {
  it('is as many rows as Excel opens at most', () => {
    expect(XLSX_MAX_ROWS + 1).toBe(2 ** 20);
  });

  it('has one row per report and one column per cell, so that a column sums to the area’s figure', async () => {
    const file = path.join(tempDir(), 'summary.xlsx');
    const book = new XlsxBook(file, 'zh', ['table-sum']);
    await book.open();
    book.row(record('a.md', { granted: { 'natural-person': 3, total: 4 }, 'results-total': { total: 4 } }), ['a.md']);
    book.row(record('b.md', { granted: { 'natural-person': 5, total: '—' } }, { review: { upheld: { v: 2, k: 'number', t: '2', line: 1, column: 1 } } }), ['b.md']);
    book.row({ filePath: 'c.txt', body: { name: null, year: null }, tables: [] } as unknown as AuditRecord, ['c.txt']);
    await book.finish(end);
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各报告', '表三表四', '跨报告问题', '全地区汇总']);
    const sheet = wb.worksheets[1]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['文件', '机关', '年度']);
    // table 3 in the order the form prints it, then table 4; nothing of table 2
    const col = (h: string) => header.indexOf(h) + 1;
    expect(col('表三·一、本年新收政府信息公开申请数量·自然人')).toBe(4);
    expect(col('表三·（一）予以公开·自然人')).toBeGreaterThan(col('表三·二、上年结转政府信息公开申请数量·总计'));
    expect(col('表三·（三）不予公开 1.属于国家秘密·总计')).toBeGreaterThan(col('表三·（一）予以公开·总计'));
    expect(col('表四·行政复议·结果维持')).toBeGreaterThan(col('表三·四、结转下年度继续办理·总计'));
    // the 2019 form's single row （六）其他处理 has its columns too, where that form prints it
    expect(col('表三·（六）其他处理·自然人')).toBeGreaterThan(col('表三·（五）不予处理 5.要求行政机关确认或重新出具已获取信息·总计'));
    expect(col('表三·（六）其他处理·总计')).toBeLessThan(col('表三·（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请·自然人'));
    expect(header.some((h) => /^表二|^table 2/.test(h))).toBe(false);
    expect(new Set(header).size).toBe(header.length);
    expect(sheet.rowCount).toBe(4);
    const cell = (r: number, h: string) => sheet.getRow(r).getCell(col(h)).value;
    expect(cell(2, '文件')).toBe('a.md');
    expect(cell(2, '表三·（一）予以公开·自然人')).toBe(3);
    expect(cell(3, '表三·（一）予以公开·自然人')).toBe(5);
    // not a figure: the cell as written
    expect(cell(3, '表三·（一）予以公开·总计')).toBe('—');
    expect(cell(3, '表四·行政复议·结果维持')).toBe(2);
    expect(cell(2, '表四·行政复议·结果维持')).toBeNull();
    // a report without tables 3 and 4 still has its row
    expect(cell(4, '文件')).toBe('c.txt');
  });

  it('gives a cell of a template of one’s own a column of its own', async () => {
    const file = path.join(tempDir(), 'summary.xlsx');
    const book = new XlsxBook(file, 'en', ['table-sum']);
    await book.open();
    book.row(record('a.md', { granted: { 'natural-person': 1 } }), ['a.md']);
    book.row(record('b.md', { 'local-row': { 'natural-person': 7 } }), ['b.md']);
    await book.finish(end);
    const sheet = (await read(file)).worksheets[1]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.at(-1)).toBe('table 3·local-row·natural-person');
    expect(sheet.getRow(3).getCell(header.length).value).toBe(7);
    expect(sheet.getRow(2).getCell(header.length).value).toBeNull();
  });

  it('goes on in another sheet when full, every report written once, each sheet with its header', async () => {
    const file = path.join(tempDir(), 'summary.xlsx');
    const book = new XlsxBook(file, 'zh', ['table-sum'], 2);
    await book.open();
    for (const c of 'abcde') book.row(record(`${c}.md`, { granted: { total: c.charCodeAt(0) } }), [`${c}.md`]);
    await book.finish(end);
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各报告', '表三表四', '表三表四 (2)', '表三表四 (3)', '跨报告问题', '全地区汇总']);
    const sheets = wb.worksheets.slice(1, 4);
    expect(sheets.map((s) => s.rowCount)).toEqual([3, 3, 2]);
    for (const s of sheets) expect((s.getRow(1).values as unknown[])[1]).toBe('文件');
    const rows = sheets.flatMap((s) => s.getRows(2, s.rowCount - 1)!);
    expect(rows.map((r) => (r.values as unknown[])[1])).toEqual([...'abcde'].map((c) => `${c}.md`));
    const header = (sheets[0]!.getRow(1).values as unknown[]) as string[];
    const at = header.indexOf('表三·（一）予以公开·总计');
    expect(rows.map((r) => r.getCell(at).value)).toEqual([...'abcde'].map((c) => c.charCodeAt(0)));
  });
});
