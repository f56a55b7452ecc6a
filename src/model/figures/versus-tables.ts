/**
 * Where the official tables carry the counts the prose also states. Cells are named by the row
 * and column ids of the table templates (the same ids in format-2019 and format-2021 where the
 * rows are the same); a group row (（三）不予公开) is the sum of its items.
 */
import type { OfficialTable, ExtractedCell } from '../tables/types.js';
import type { TableTemplate } from '../tables/template.js';
import type { SourceRange } from '../../util/mapped-text.js';

interface CellSpec {
  rows: string[];
  /** the first of these columns the table has */
  columns: string[];
  /** a group row: add up its items */
  group?: boolean;
}

const CELLS: Record<string, Record<string, CellSpec>> = {
  applications: {
    new: { rows: ['new'], columns: ['total'] },
    'carried-over': { rows: ['carried-over'], columns: ['total'] },
    granted: { rows: ['granted'], columns: ['total'] },
    'partly-granted': { rows: ['partly-granted'], columns: ['total'] },
    refused: { rows: ['refused'], columns: ['total'], group: true },
    unavailable: { rows: ['unavailable'], columns: ['total'], group: true },
    'not-processed': { rows: ['not-processed'], columns: ['total'], group: true },
    'other-handling': { rows: ['other-handling'], columns: ['total'], group: true },
    'results-total': { rows: ['results-total'], columns: ['total'] },
    'carry-forward': { rows: ['carry-forward'], columns: ['total'] },
  },
  'review-litigation': {
    review: { rows: ['review'], columns: ['total'] },
    litigation: { rows: ['direct-suit', 'suit-after-review'], columns: ['total'] },
  },
  'legacy-statistics': {
    new: { rows: ['received'], columns: ['value'] },
    granted: { rows: ['answered-granted'], columns: ['value'] },
    'partly-granted': { rows: ['answered-partly'], columns: ['value'] },
    refused: { rows: ['answered-refused'], columns: ['value'] },
    'results-total': { rows: ['answered'], columns: ['value'] },
    review: { rows: ['review'], columns: ['value'] },
    litigation: { rows: ['litigation'], columns: ['value'] },
    'normative-issued': { rows: ['normative-issued'], columns: ['value'] },
  },
  proactive: {
    'rules-issued': { rows: ['rules'], columns: ['issued', 'made'] },
    'normative-issued': { rows: ['normative-documents'], columns: ['issued', 'made'] },
  },
};

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
  const spec = CELLS[table.kind]?.[metric];
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
