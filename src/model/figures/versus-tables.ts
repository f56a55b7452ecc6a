/**
 * Where the official tables carry the counts the prose also states. Cells are named by the row
 * and column ids of the table templates (the same ids in format-2019 and format-2021 where the
 * rows are the same); a group row (（三）不予公开) is the sum of its items.
 */
import type { OfficialTable, ExtractedCell } from '../tables/types.js';
import type { TableTemplate } from '../tables/template.js';
import type { SourceRange } from '../../util/mapped-text.js';
import { proseMetrics } from './metrics.js';

/** Where each table kind carries each metric (data: `cells` of `src/vocabulary/prose-metrics.json`). */
function cellsOf(kind: string, metric: string) {
  return proseMetrics().data.cells[kind]?.[metric];
}

export interface TableFigure {
  value: number;
  /** the cells it was read from */
  cells: ExtractedCell[];
  range: SourceRange;
  table: OfficialTable;
}

/**
 * The value a table gives for a metric, or undefined when the table does not carry it readably
 * (row or column not found, a cell that is not a whole number).
 */
export function tableFigure(table: OfficialTable, template: TableTemplate | undefined, metric: string): TableFigure | undefined {
  const spec = cellsOf(table.kind, metric);
  if (!spec) return undefined;
  const tplRows = template?.blocks.flatMap((b) => b.rows) ?? [];
  const rows = spec.rows.flatMap((r) => {
    const items = spec.group ? tplRows.filter((t) => t.parent === r).map((t) => t.id) : [];
    // a group without items in the template (format-2019's single 其他处理 row) stands for itself
    return items.length > 0 ? items : [r];
  });
  const cells: ExtractedCell[] = [];
  for (const r of rows) {
    const byCol = table.cells[r];
    if (!byCol) return undefined;
    const col = spec.columns.find((c) => byCol[c]);
    if (!col) return undefined;
    const cell = byCol[col]!;
    if (cell.kind === 'invalid' || cell.kind === 'approximate') return undefined;
    cells.push(cell);
  }
  if (cells.length === 0 || cells.every((c) => c.kind === 'blank')) return undefined;
  const value = cells.reduce((a, c) => a + (c.value ?? 0), 0);
  const range = { start: Math.min(...cells.map((c) => c.range.start)), end: Math.max(...cells.map((c) => c.range.end)) };
  return { value, cells, range, table };
}

/**
 * The value the tables give for a metric id, or for several joined by + (their sum): the first
 * table that carries each. Undefined when any of them is not readable.
 */
export function tablesValue(
  tables: OfficialTable[],
  templateOf: (t: OfficialTable) => TableTemplate | undefined,
  metric: string,
): TableFigure | undefined {
  const ids = metric.split('+');
  const found: TableFigure[] = [];
  for (const id of ids) {
    let v: TableFigure | undefined;
    for (const t of tables) {
      v = tableFigure(t, templateOf(t), id);
      if (v) break;
    }
    if (!v) return undefined;
    found.push(v);
  }
  if (found.length === 1) return found[0];
  const cells = found.flatMap((f) => f.cells);
  return {
    value: found.reduce((a, f) => a + f.value, 0),
    cells,
    range: { start: Math.min(...found.map((f) => f.range.start)), end: Math.max(...found.map((f) => f.range.end)) },
    table: found[0]!.table,
  };
}

/**
 * The tables as copies of the report's set: a report may give a table twice (the body's own table 3
 * and its area's), and its prose may speak of either. Copy k holds the k-th table of each template,
 * or its last where the template has fewer; one copy when no template has two.
 */
export function tableCopies(tables: OfficialTable[]): OfficialTable[][] {
  const byTemplate = new Map<string, OfficialTable[]>();
  for (const t of tables) {
    const list = byTemplate.get(t.template);
    if (list) list.push(t);
    else byTemplate.set(t.template, [t]);
  }
  const n = Math.max(1, ...[...byTemplate.values()].map((l) => l.length));
  if (n === 1) return [tables];
  return Array.from({ length: n }, (_, k) => [...byTemplate.values()].map((l) => l[Math.min(k, l.length - 1)]!));
}

/** tablesValue for each copy of the tables (`copies`: tableCopies' answer, made once per report), in their order. */
export function tablesValues(copies: OfficialTable[][], templateOf: (t: OfficialTable) => TableTemplate | undefined, metric: string): (TableFigure | undefined)[] {
  return copies.map((copy) => tablesValue(copy, templateOf, metric));
}
