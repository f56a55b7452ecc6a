import { toHalfWidth } from '../numerals.js';
import type { PCell } from './grid.js';
import { checkRelations } from './relations.js';
import type { TableTemplate } from './template.js';
import type { ExtractedCell, OfficialTable } from './types.js';

/**
 * Figures whose separating spaces were lost: a crawler's dump gives `713000074` where the table
 * holds 71 | 3 | 0 | 0 | 0 | 0 | 74. The digits alone do not say where one cell ends; the
 * table's sums may. Every way of cutting each row's digits into the row's cells is tried (a
 * cell never starts with 0 unless it is 0); a way is kept only if every relation of the template
 * that involves the row holds: the row's own total (总计 = 自然人 + …) and the sums down the
 * columns with the other rows. The table is read only when exactly one way of cutting all such
 * rows together is left, and then every relation touching them holds by construction, so a cut
 * can never be the cause of a finding. Several ways (`111` as 11 | 1 or 1 | 11 where both add
 * up), none (the report's own sums do not hold), or too many to try: the table is not read, and
 * is reported as not checkable.
 */

/** Most digits in one row: 7 cells of up to three digits, with room to spare. */
const MAX_DIGITS = 24;
/** Most ways of cutting one row that are carried into the table-wide check. */
const MAX_PER_ROW = 64;
/** Most combinations of the rows' ways checked against the whole table. */
const MAX_COMBINATIONS = 4096;

/** A row whose figures ran together: its value cells as read, and its columns in order. */
export interface GluedRow {
  id: string;
  cells: PCell[];
  order: string[];
}

/** Whether a row's value cells are digits only, fewer than its columns, enough to fill them. */
export function isRunTogether(vals: PCell[], n: number): boolean {
  if (vals.length === 0 || vals.length >= n) return false;
  const digits = vals.map((v) => toHalfWidth(v.text));
  if (!digits.every((d) => /^\d+$/.test(d))) return false;
  const total = digits.reduce((a, d) => a + d.length, 0);
  return total >= n && total <= MAX_DIGITS;
}

/** Every way of cutting `s` into `k` figures, as lengths; none starts with 0 unless it is 0. */
function cuts(s: string, k: number, limit: number): number[][] {
  const out: number[][] = [];
  const walk = (at: number, left: number, acc: number[]): void => {
    if (out.length > limit) return;
    if (left === 0) {
      if (at === s.length) out.push([...acc]);
      return;
    }
    const rest = s.length - at;
    // each remaining figure needs at least one digit
    for (let len = 1; len <= rest - (left - 1); len++) {
      if (len > 1 && s[at] === '0') break;
      acc.push(len);
      walk(at + len, left - 1, acc);
      acc.pop();
    }
  };
  walk(0, k, []);
  return out;
}

/** The cells of one way of cutting a row: each figure with the source range of its digits. */
function cellsOf(row: GluedRow, plan: { cell: number; lens: number[] }[]): Record<string, ExtractedCell> {
  const rec: Record<string, ExtractedCell> = {};
  let col = 0;
  for (const { cell, lens } of plan) {
    const c = row.cells[cell]!;
    const raw = c.raw.text;
    const lead = raw.text.length - raw.text.trimStart().length;
    let at = 0;
    for (const len of lens) {
      const text = c.text.slice(at, at + len);
      const range = { start: raw.toSource(lead + at), end: raw.toSource(lead + at + len - 1) + 1 };
      rec[row.order[col++]!] = { text, range, kind: 'number', value: Number(toHalfWidth(text)) };
      at += len;
    }
  }
  return rec;
}

/** The ways of cutting one row into its columns, each cell of it into one or more figures. */
function waysOf(row: GluedRow): Record<string, ExtractedCell>[] | undefined {
  const n = row.order.length;
  const texts = row.cells.map((c) => toHalfWidth(c.text));
  const out: Record<string, ExtractedCell>[] = [];
  // how many figures each cell holds: every split of n over the cells, each at least one
  const spread = (i: number, left: number, acc: { cell: number; lens: number[] }[]): boolean => {
    if (i === texts.length) {
      if (left === 0) out.push(cellsOf(row, acc));
      return out.length <= MAX_PER_ROW * 16;
    }
    const remaining = texts.length - i - 1;
    for (let k = 1; k <= left - remaining; k++) {
      for (const lens of cuts(texts[i]!, k, MAX_PER_ROW * 16)) {
        acc.push({ cell: i, lens });
        const go = spread(i + 1, left - k, acc);
        acc.pop();
        if (!go) return false;
      }
    }
    return true;
  };
  return spread(0, n, []) ? out : undefined;
}

/**
 * The cells of the rows whose figures ran together, if the table's relations leave exactly one
 * way of reading them (see above); undefined otherwise. `table` holds the other rows' cells.
 */
export function splitRunTogether(rows: GluedRow[], table: OfficialTable, tpl: TableTemplate): Record<string, Record<string, ExtractedCell>> | undefined {
  const ids = new Set(rows.map((r) => r.id));
  const touches = (check: ReturnType<typeof checkRelations>[number]): boolean => [...check.left, ...check.right].some((ref) => ids.has(ref.row));
  // relations that cannot be checked (a row missing) decide nothing; those that can must hold
  const holdsWith = (cells: Record<string, Record<string, ExtractedCell>>): boolean => {
    const trial: OfficialTable = { ...table, cells: { ...table.cells, ...cells } };
    return checkRelations(trial, tpl).every((c) => c.holds || !touches(c));
  };
  // each row on its own: the ways its own relations (its total) allow
  const options: Record<string, ExtractedCell>[][] = [];
  for (const row of rows) {
    const ways = waysOf(row);
    if (!ways) return undefined;
    const kept = ways.filter((w) => holdsWith({ [row.id]: w }));
    if (kept.length === 0 || kept.length > MAX_PER_ROW) return undefined;
    options.push(kept);
  }
  if (options.reduce((a, o) => a * o.length, 1) > MAX_COMBINATIONS) return undefined;
  // all rows together, against every relation that involves one of them
  let found: Record<string, Record<string, ExtractedCell>> | undefined;
  const pick = (i: number, acc: Record<string, Record<string, ExtractedCell>>): boolean => {
    if (i === rows.length) {
      if (!holdsWith(acc)) return true;
      if (found) return false; // a second way: not certain
      found = { ...acc };
      return true;
    }
    for (const w of options[i]!) {
      acc[rows[i]!.id] = w;
      if (!pick(i + 1, acc)) return false;
    }
    delete acc[rows[i]!.id];
    return true;
  };
  if (!pick(0, {})) return undefined;
  return found;
}
