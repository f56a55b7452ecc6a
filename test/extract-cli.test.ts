import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
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
