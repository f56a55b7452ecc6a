import type { RelationTemplate, TableTemplate } from './template.js';
import type { ExtractedCell, OfficialTable } from './types.js';

export interface CellRef {
  row: string;
  column: string;
  cell: ExtractedCell;
}

/** One relation, checked in one row or column (or once), with every cell it involves. */
export interface RelationCheck {
  relation: RelationTemplate;
  /** the row (each: row) or column (each: column) it was checked in */
  row?: string;
  column?: string;
  left: CellRef[];
  right: CellRef[];
  leftSum: number;
  rightSum: number;
  holds: boolean;
  /**
   * the relation fails and one of its sides is all blank: blanks count as 0 only where the sum
   * holds with 0, so no value is computed from them (a total left blank whose parts are not all
   * zero is a missing value, see table-cell-value)
   */
  blankSide: boolean;
}

const EPS = 1e-6;

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Column ids of the block a row belongs to. */
function columnsOfRow(tpl: TableTemplate, row: string): readonly string[] {
  let byRow = rowColumns.get(tpl);
  if (!byRow) rowColumns.set(tpl, (byRow = new Map()));
  let cols = byRow.get(row);
  if (!cols) {
    const b = tpl.blocks.find((bl) => bl.rows.some((r) => r.id === row));
    byRow.set(row, (cols = b ? b.columns.map((c) => c.id) : []));
  }
  return cols;
}

/** columnsOfRow's answers per template: relations are checked again and again (each reading of figures run together checks them all). */
const rowColumns = new WeakMap<TableTemplate, Map<string, readonly string[]>>();

function resolve(table: OfficialTable, tpl: TableTemplate, refs: string[], fixed: { row?: string; column?: string }): CellRef[] | undefined {
  const out: CellRef[] = [];
  for (const ref of refs) {
    let row: string;
    let column: string;
    if (fixed.row !== undefined) {
      row = fixed.row;
      column = ref;
    } else if (fixed.column !== undefined) {
      row = ref;
      column = fixed.column;
    } else {
      const [r, c] = ref.split('/');
      row = r!;
      column = c ?? columnsOfRow(tpl, row)[0] ?? 'value';
    }
    const cell = table.cells[row]?.[column];
    if (!cell) return undefined;
    out.push({ row, column, cell });
  }
  return out;
}

function usable(refs: CellRef[]): boolean {
  return refs.every((r) => r.cell.kind === 'number' || r.cell.kind === 'blank');
}

function sum(refs: CellRef[]): number {
  return round(refs.reduce((a, r) => a + (r.cell.value ?? 0), 0));
}

/**
 * Check a table's relations. A relation is checked only where every cell it names was read
 * with certainty and holds an exact number or a blank (0): a missing row, an unsure row, a
 * word or an approximate value leaves it unchecked rather than guessed.
 */
export function checkRelations(table: OfficialTable, tpl: TableTemplate): RelationCheck[] {
  const out: RelationCheck[] = [];
  for (const rel of tpl.relations) {
    const contexts: { row?: string; column?: string }[] = [];
    if (rel.each === 'row') {
      const rows = rel.rows ?? table.rows.map((r) => r.id).filter((id) => table.cells[id]);
      for (const row of rows) contexts.push({ row });
    } else if (rel.each === 'column') {
      const cols = rel.columns ?? columnsOfRow(tpl, rel.left[0]!);
      for (const column of cols) contexts.push({ column });
    } else contexts.push({});
    for (const ctx of contexts) {
      const left = resolve(table, tpl, rel.left, ctx);
      const right = resolve(table, tpl, rel.right, ctx);
      if (!left || !right || !usable(left) || !usable(right)) continue;
      const leftSum = sum(left);
      const rightSum = sum(right);
      const holds = rel.kind === 'at-most' ? leftSum <= rightSum + EPS : Math.abs(leftSum - rightSum) < EPS;
      const allBlank = (refs: CellRef[]): boolean => refs.every((r) => r.cell.kind === 'blank');
      out.push({ relation: rel, ...ctx, left, right, leftSum, rightSum, holds, blankSide: !holds && (allBlank(left) || allBlank(right)) });
    }
  }
  return out;
}
