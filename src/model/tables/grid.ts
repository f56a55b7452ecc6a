import type { Block, RawCell, RawTable, Section, TableLayout } from '../types.js';
import type { SourceRange } from '../../util/mapped-text.js';
import { parseCellValue, type CellValue } from './values.js';
import { hasCjk, normaliseLabel, type NormalisedLabel } from './labels.js';

/** A cell prepared for recognition. */
export interface PCell {
  raw: RawCell;
  /** position in its grid row */
  col: number;
  text: string;
  label: NormalisedLabel;
  value: CellValue;
  /** reads as a label (words), not as a value */
  isText: boolean;
  /** a copy a row or column span produced */
  copy: boolean;
}

export interface PRow {
  cells: PCell[];
  /** index in Report.tables; -1 for a line of text between two grids */
  grid: number;
  /** cell positions line up with the header's (GFM, HTML with spans expanded) */
  positional: boolean;
  layout: TableLayout;
  range: SourceRange;
}

/** Consecutive grids of one table, with the short lines between them as one-cell rows. */
export interface Run {
  rows: PRow[];
  grids: number[];
  /** the document ends with this run (or only blank space follows) */
  endsDocument: boolean;
}

export function prepareCell(raw: RawCell, col: number, rowIndex: number): PCell {
  const value = parseCellValue(raw.text);
  const text = raw.text.text.trim();
  const copy = !!raw.origin && (raw.origin.row !== rowIndex || raw.origin.col !== col);
  return { raw, col, text, label: normaliseLabel(text), value, isText: value.kind === 'invalid' && hasCjk(text), copy };
}

function gridRows(t: RawTable, gridIndex: number): PRow[] {
  const positional = t.layout === 'gfm' || t.layout === 'html';
  return t.rows
    .map((cells, r) => {
      const pcells = cells.map((c, k) => prepareCell(c, k, r));
      const own = pcells.filter((c) => !c.copy && c.text !== '');
      const range = own.length ? { start: own[0]!.raw.range.start, end: own[own.length - 1]!.raw.range.end } : (cells[0]?.range ?? t.range);
      return { cells: pcells, grid: gridIndex, positional, layout: t.layout, range };
    })
    .filter((r) => r.cells.length > 0);
}

/** A short line between two grids that can be part of the table (a label broken off its row). */
function isBridge(b: Block, headings: Set<Block>): boolean {
  if (b.type !== 'paragraph' && b.type !== 'list-item') return false;
  if (headings.has(b)) return false;
  const t = b.text.text.trim();
  return t.length > 0 && t.length <= 60 && !/[。；;]/.test(t);
}

/**
 * Group the report's grids into runs: grids that follow each other with at most a few short
 * label lines between them (a text table interrupted by a cell that held a line break) are
 * read as one table. A top-level section heading always ends a run.
 */
export function buildRuns(blocks: Block[], tables: RawTable[], sections: Section[]): Run[] {
  const headings = new Set(sections.map((s) => s.heading));
  const gridOf = new Map<Block, number>();
  tables.forEach((t, i) => {
    const b = blocks[t.blockIndex];
    if (b) gridOf.set(b, i);
  });
  const runs: Run[] = [];
  let i = 0;
  while (i < blocks.length) {
    const g = gridOf.get(blocks[i]!);
    if (g === undefined) {
      i++;
      continue;
    }
    const run: Run = { rows: gridRows(tables[g]!, g), grids: [g], endsDocument: false };
    let j = i + 1;
    for (;;) {
      let k = j;
      while (k < blocks.length && k - j < 3 && gridOf.get(blocks[k]!) === undefined && isBridge(blocks[k]!, headings)) k++;
      const next = k < blocks.length ? gridOf.get(blocks[k]!) : undefined;
      if (next === undefined) break;
      for (let b = j; b < k; b++) {
        const bl = blocks[b]!;
        const cell: RawCell = { text: bl.text.trim(), range: bl.text.trim().range() };
        run.rows.push({ cells: [prepareCell(cell, 0, 0)], grid: -1, positional: false, layout: 'pipe-text', range: cell.range });
      }
      run.rows.push(...gridRows(tables[next]!, next));
      run.grids.push(next);
      j = k + 1;
    }
    const rest = blocks.slice(j);
    run.endsDocument = rest.length <= 3 && rest.every((b) => isBridge(b, headings));
    runs.push(run);
    i = j;
  }
  return runs;
}
