import type { RelationTemplate, TableTemplate } from './template.js';
import type { ExtractedCell, OfficialTable } from './types.js';
import { ReportScoped } from '../../util/report-scoped.js';

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

function resolve(table: OfficialTable, tpl: TableTemplate, refs: string[], fixedRow: string | undefined, fixedColumn: string | undefined): CellRef[] | undefined {
  const out: CellRef[] = [];
  for (const ref of refs) {
    let row: string;
    let column: string;
    if (fixedRow !== undefined) {
      row = fixedRow;
      column = ref;
    } else if (fixedColumn !== undefined) {
      row = ref;
      column = fixedColumn;
    } else {
      const slash = ref.indexOf('/');
      if (slash < 0) {
        row = ref;
        column = columnsOfRow(tpl, row)[0] ?? 'value';
      } else {
        // as `split('/')`: what follows a second slash is not part of the column
        const next = ref.indexOf('/', slash + 1);
        row = ref.slice(0, slash);
        column = next < 0 ? ref.slice(slash + 1) : ref.slice(slash + 1, next);
      }
    }
    const cell = table.cells[row]?.[column];
    if (!cell) return undefined;
    out.push({ row, column, cell });
  }
  return out;
}

function usable(refs: CellRef[]): boolean {
  for (const r of refs) if (r.cell.kind !== 'number' && r.cell.kind !== 'blank') return false;
  return true;
}

function sum(refs: CellRef[]): number {
  let a = 0;
  for (const r of refs) a += r.cell.value ?? 0;
  return round(a);
}

function allBlank(refs: CellRef[]): boolean {
  for (const r of refs) if (r.cell.kind !== 'blank') return false;
  return true;
}

/** Check one relation in one row (`row`), one column (`column`) or once (neither), if its cells allow. */
function checkOne(out: RelationCheck[], table: OfficialTable, tpl: TableTemplate, rel: RelationTemplate, row: string | undefined, column: string | undefined): void {
  const left = resolve(table, tpl, rel.left, row, column);
  const right = resolve(table, tpl, rel.right, row, column);
  if (!left || !right || !usable(left) || !usable(right)) return;
  const leftSum = sum(left);
  const rightSum = sum(right);
  const holds = rel.kind === 'at-most' ? leftSum <= rightSum + EPS : Math.abs(leftSum - rightSum) < EPS;
  const blankSide = !holds && (allBlank(left) || allBlank(right));
  // the row or column it was checked in is a property only where there is one
  if (row !== undefined) out.push({ relation: rel, row, left, right, leftSum, rightSum, holds, blankSide });
  else if (column !== undefined) out.push({ relation: rel, column, left, right, leftSum, rightSum, holds, blankSide });
  else out.push({ relation: rel, left, right, leftSum, rightSum, holds, blankSide });
}

/**
 * Check a table's relations. A relation is checked only where every cell it names was read
 * with certainty and holds an exact number or a blank (0): a missing row, an unsure row, a
 * word or an approximate value leaves it unchecked rather than guessed.
 */
export function checkRelations(table: OfficialTable, tpl: TableTemplate): RelationCheck[] {
  const out: RelationCheck[] = [];
  for (const rel of tpl.relations) {
    if (rel.each === 'row') {
      if (rel.rows) for (const row of rel.rows) checkOne(out, table, tpl, rel, row, undefined);
      else for (const r of table.rows) if (table.cells[r.id]) checkOne(out, table, tpl, rel, r.id, undefined);
    } else if (rel.each === 'column') {
      for (const column of rel.columns ?? columnsOfRow(tpl, rel.left[0]!)) checkOne(out, table, tpl, rel, undefined, column);
    } else checkOne(out, table, tpl, rel, undefined, undefined);
  }
  return out;
}

/** checkRelations' answer for each table, kept for the rules that read it (a table is not changed once read). */
const checkedTables = new ReportScoped<OfficialTable, { tpl: TableTemplate; checks: RelationCheck[] }>();

/**
 * The relation checks of a table as read into a report, computed once and shared by every rule
 * that needs them (the list and its checks are read, never changed).
 */
export function tableRelations(table: OfficialTable, tpl: TableTemplate): readonly RelationCheck[] {
  const known = checkedTables.get(table);
  if (known?.tpl === tpl) return known.checks;
  const checks = checkRelations(table, tpl);
  checkedTables.set(table, { tpl, checks });
  return checks;
}
