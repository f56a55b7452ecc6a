import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memoryIO, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { main } from '../src/cli/main.js';

/** `ogi-lint extract`: -o, -f json|csv, --no-positions, and a failing exit code for files it cannot read. */

const tables = path.join(repoRoot, 'fixtures', 'tables');
const first = 'recog-2021-clean.md';

describe('extract', () => {
  it('writes JSON to -o, and CSV with -f csv: one line per cell, labels and values', async () => {
    const dir = tempDir();
    const o = memoryIO(repoRoot);
    const out = path.join(dir, 'tables.json');
    expect(await main(['extract', path.join(tables, first), '-o', out], o)).toBe(0);
    expect(o.out).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { tables: { template: string; cells: Record<string, Record<string, { value: number | null; range: { line?: number } }>> }[] }[];
    expect(json[0]!.tables.length).toBeGreaterThan(0);
    const cells = json.flatMap((r) => r.tables.flatMap((t) => Object.values(t.cells).flatMap((c) => Object.values(c))));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => typeof c.range.line === 'number')).toBe(true);

    const csvIO = memoryIO(repoRoot);
    expect(await main(['extract', path.join(tables, first), '-f', 'csv'], csvIO)).toBe(0);
    const lines = csvIO.out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,year,generation,table,row,row_label,column,column_label,value,text,error');
    expect(lines.length - 1).toBe(cells.length);
    expect(csvIO.out.startsWith('\uFEFF')).toBe(true);
  });

  it('--no-positions leaves the ranges and positions out', async () => {
    const o = memoryIO(repoRoot);
    await main(['extract', path.join(tables, first), '--no-positions'], o);
    expect(o.out).not.toMatch(/"(range|line|column|endLine|endColumn)":/);
    expect(o.out).toMatch(/"value":/);
  });

  it('exits 1 with an error entry for a file it cannot read or a path that matches nothing; 2 for a bad format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const o = memoryIO(dir);
    expect(await main(['extract', 'empty.txt', 'gone.txt', '-f', 'csv'], o)).toBe(1);
    const rows = o.out.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(['empty.txt', 'gone.txt']);
    expect(rows.every((r) => !r.endsWith(','))).toBe(true);
    const bad = memoryIO(dir);
    expect(await main(['extract', 'empty.txt', '-f', 'xml'], bad)).toBe(2);
  });
});

describe('extract -f xlsx', () => {
  interface Cell {
    text: string;
    value: number | null;
  }
  interface Table {
    kind: string;
    template: string;
    columns: { id: string }[];
    cells: Record<string, Record<string, Cell>>;
  }
  interface Entry {
    filePath: string;
    year: number | null;
    generation: string;
    error?: string;
    tables: Table[];
  }

  it('writes one sheet per table kind, one row per report and table row, numbers as numbers, the same data as -f json', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const inputs = [...readdirSync(tables).map((f) => path.join(tables, f)), path.join(dir, 'empty.txt')];
    const jsonIO = memoryIO(dir);
    const code = await main(['extract', ...inputs, '--no-positions'], jsonIO);
    const json = JSON.parse(jsonIO.out) as Entry[];
    const out = path.join(dir, 'out', 'tables.xlsx');
    const xlsxIO = memoryIO(dir);
    expect(await main(['extract', ...inputs, '-f', 'xlsx', '-o', out], xlsxIO)).toBe(code);
    expect(code).toBe(1);
    expect(xlsxIO.out).toBe('');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const [filesSheet, ...tableSheets] = wb.worksheets;
    // the first sheet: one row per file, with its error
    const fileRows = filesSheet!.getSheetValues().slice(2) as unknown[][];
    expect(fileRows.map((r) => r[1])).toEqual(json.map((e) => e.filePath));
    expect(fileRows.map((r) => r[4])).toEqual(json.map((e) => e.tables.length));
    expect(fileRows.map((r) => r[5] ?? undefined)).toEqual(json.map((e) => e.error));

    const kinds = [...new Set(json.flatMap((e) => e.tables.map((t) => t.kind)))];
    expect(tableSheets).toHaveLength(kinds.length);
    let cellsSeen = 0;
    let numbers = 0;
    for (const ws of tableSheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const rows = ws.getSheetValues() as unknown[][];
      const ids = (rows[2] as unknown[]).slice(7) as string[];
      const body = rows.slice(3);
      // which kind: the template named in the rows
      const kind = json.flatMap((e) => e.tables).find((t) => t.template === body[0]![4])!.kind;
      const expected = json.flatMap((e) => e.tables.filter((t) => t.kind === kind).flatMap((t) => Object.keys(t.cells).map((row) => ({ e, t, row }))));
      expect(body).toHaveLength(expected.length);
      expected.forEach(({ e, t, row }, i) => {
        const r = body[i]!;
        expect([r[1], r[2] ?? null, r[3], r[4], r[5]]).toEqual([e.filePath, e.year, e.generation, t.template, row]);
        ids.forEach((id, j) => {
          const c = t.cells[row]![id];
          const got = r[7 + j];
          if (!c) return expect(got).toBeUndefined();
          cellsSeen++;
          if (typeof c.value === 'number') {
            numbers++;
            expect(got).toBe(c.value);
          } else expect(got ?? '').toBe(c.text);
        });
      });
    }
    const jsonCells = json.flatMap((e) => e.tables.flatMap((t) => Object.values(t.cells).flatMap((r) => Object.values(r))));
    expect(cellsSeen).toBe(jsonCells.length);
    expect(numbers).toBeGreaterThan(100);
    expect(numbers).toBe(jsonCells.filter((c) => typeof c.value === 'number').length);
  });

  it('refuses to write a workbook without -o, in Chinese by default, with exit code 2', async () => {
    const o = memoryIO(repoRoot);
    expect(await main(['extract', path.join(tables, first), '-f', 'xlsx'], o)).toBe(2);
    expect(o.out).toBe('');
    expect(o.err).toContain('xlsx 是二进制文件，不能输出到终端或标准输出；请用 -o 指定要写入的文件');
    const en = memoryIO(repoRoot);
    expect(await main(['extract', path.join(tables, first), '-f', 'xlsx', '--locale', 'en'], en)).toBe(2);
    expect(en.err).toContain('name the file to write with -o');
  });
});
