import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { ensureBuilt, memoryIO, tempDir } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { TestClient } from './helpers/lsp-client.js';

/**
 * Hover finds the table cell under the cursor where the command line places it, also when the
 * reader normalised the text (hard-wrapped lines re-joined, …) so that offsets in the text read and
 * in the editor's document differ.
 */

interface Cell {
  text: string;
  kind: string;
  value?: number;
  range: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number };
}
interface Table {
  kind: string;
  cells: Record<string, Record<string, Cell>>;
}

const QINGHE = readFileSync(path.join(repoRoot, 'fixtures/samples/2021-qinghe-clean.md'), 'utf8');

/** The report with every prose line of at least `width` characters hard-wrapped at `width`. */
function hardWrapped(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => (/^[|#<>-]/.test(l) || l.length < 2 * width ? l : l.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n')))
    .join('\n');
}

async function extract(file: string, cwd: string): Promise<Table[]> {
  const io = memoryIO(cwd);
  const code = await main(['extract', file], io);
  expect(code, io.err).toBe(0);
  return (JSON.parse(io.out) as { tables: Table[] }[])[0]!.tables;
}

beforeAll(() => ensureBuilt());

describe('hover positions in the language server', () => {
  let ws: string;
  let client: TestClient;
  const reports: { name: string; text: string }[] = [
    ...readdirSync(path.join(corpusDir, 'full'))
      .filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md')
      .map((f) => ({ name: f, text: readFileSync(path.join(corpusDir, 'full', f), 'utf8') })),
    ...[12, 20, 33].map((w) => ({ name: `qinghe-wrapped-${w}.md`, text: hardWrapped(QINGHE, w) })),
  ];

  beforeAll(async () => {
    ws = tempDir();
    writeFileSync(path.join(ws, '.ogilintrc.json'), JSON.stringify({ root: true }));
    for (const r of reports) writeFileSync(path.join(ws, r.name), r.text);
    client = await TestClient.start(['bin/ogi-lint.js', '--lsp'], ws);
  });
  afterAll(async () => client?.stop());

  it('the wrapped variants are normalised by the reader (the case under test)', () => {
    for (const w of [12, 20, 33]) expect(hardWrapped(QINGHE, w)).not.toBe(QINGHE);
  });

  it.each(reports.map((r) => [r.name]))('%s: a hover on a cell covers that cell, and a total shows its sum', async (name) => {
    const file = path.join(ws, name);
    const uri = pathToFileURL(file).href;
    const tables = await extract(file, ws);
    await client.open(uri, reports.find((r) => r.name === name)!.text);
    let answered = 0;
    let totals = 0;
    let separateTotals = 0;
    for (const table of tables) {
      for (const [rowId, row] of Object.entries(table.cells)) {
        for (const [colId, cell] of Object.entries(row)) {
          if (cell.kind !== 'number') continue;
          const at = { line: cell.range.line - 1, character: cell.range.column - 1 };
          const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at })) as Hover | null;
          const touching = Object.values(table.cells).some((r) => Object.values(r).some((c) => c.range.end === cell.range.start));
          if (colId === 'total' && table.kind === 'applications' && !touching) separateTotals++;
          if (!hover) continue;
          answered++;
          const where = `${table.kind} ${rowId}/${colId} "${cell.text}" at ${cell.range.line}:${cell.range.column}`;
          // cells written without a separator ("7130"): the one ending where this one starts may answer
          if (touching) expect(hover.range!.end, where).toEqual(at);
          else expect(hover.range, where).toEqual({ start: at, end: { line: cell.range.endLine - 1, character: cell.range.endColumn - 1 } });
          const value = (hover.contents as { value: string }).value;
          if (colId === 'total' && table.kind === 'applications' && !touching) {
            totals++;
            expect(value, where).toContain(`${cell.value} `);
          }
        }
      }
    }
    await client.close(uri);
    // the reports with the official tables of 2019 and later: the hover explains their cells and totals
    if (tables.some((t) => t.kind === 'applications')) expect(answered).toBeGreaterThan(5);
    if (separateTotals) expect(totals).toBe(separateTotals);
  });
});
