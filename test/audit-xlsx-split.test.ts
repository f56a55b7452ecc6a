import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxBook, XLSX_MAX_ROWS, type SummaryEnd } from '../src/audit/summary.js';
import type { AuditRecord } from '../src/audit/record.js';
import { tempDir } from './helpers/cli.js';

/** A record with `cells` cells of table 3. */
function record(file: string, cells: number): AuditRecord {
  const row: Record<string, { v: number; k: string; t: string; line: number; column: number }> = {};
  for (let i = 0; i < cells; i++) row[`c${i}`] = { v: i, k: 'number', t: String(i), line: 1, column: 1 };
  return { filePath: file, body: { name: '青河县教育局', year: 2022 }, tables: [{ kind: 'applications', cells: { granted: row } }] } as unknown as AuditRecord;
}

const end = { cross: [], area: {} } as unknown as SummaryEnd;

describe('summary.xlsx: the sheet of tables 3 and 4', () => {
  it('is as many rows as Excel opens at most', () => {
    expect(XLSX_MAX_ROWS + 1).toBe(2 ** 20);
  });

  it('goes on in another sheet when full, every cell written once, each sheet with its header', async () => {
    const file = path.join(tempDir(), 'summary.xlsx');
    const book = new XlsxBook(file, 'zh', ['table-sum'], 5);
    await book.open();
    book.row(record('a.md', 4), ['a.md']);
    book.row(record('b.md', 4), ['b.md']);
    book.row(record('c.md', 3), ['c.md']);
    await book.finish(end);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各报告', '表三表四', '表三表四 (2)', '表三表四 (3)', '跨报告问题', '全地区汇总']);
    const sheets = wb.worksheets.slice(1, 4);
    expect(sheets.map((s) => s.rowCount)).toEqual([6, 6, 2]);
    for (const s of sheets) expect((s.getRow(1).values as unknown[])[1]).toBe('文件');
    const files = sheets.flatMap((s) => s.getRows(2, s.rowCount - 1)!.map((r) => (r.values as unknown[])[1]));
    expect(files).toEqual([...'aaaabbbbccc'].map((c) => `${c}.md`));
  });
});
