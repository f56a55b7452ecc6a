import type { Localised } from '../../rules/types.js';
import type { Generation } from '../types.js';
import type { LabelSpec } from './labels.js';

/**
 * Table templates and their arithmetic, as profiles give them (`tables` in a profile JSON,
 * described by schemas/profile.schema.json). The code only interprets them, so a province can
 * add rows, columns or relations without code.
 */

export interface ColumnTemplate extends LabelSpec {
  id: string;
  title: string;
  en: string;
  /** values may be negative (本年增/减) */
  signed?: boolean;
  /** values may have decimals (amounts in 万元) */
  decimals?: boolean;
  /** a total: a blank here is an error when the parts are not all zero */
  total?: boolean;
}

export interface RowTemplate extends LabelSpec {
  id: string;
  title: string;
  en: string;
  /** id of the row this one is an item of (（三）不予公开 for 1.属于国家秘密) */
  parent?: string;
  /** a heading row: it groups items and carries no values of its own */
  group?: boolean;
  /** a total row: a blank here is an error when its parts are not all zero */
  total?: boolean;
  /** values may be absent, or present without being checked (a heading some tables fill) */
  optional?: boolean;
  /** list tables: values may have decimals (amounts in 万元) */
  decimals?: boolean;
}

export interface BlockTemplate extends LabelSpec {
  id: string;
  title: string;
  /** header labels that are not columns (信息内容, 申请人情况), so they are not taken for unknown columns */
  headers?: LabelSpec;
  columns: ColumnTemplate[];
  rows: RowTemplate[];
}

/**
 * A relation that must hold between cells. References name rows and columns by id:
 * with `each: "row"` they are column ids, checked in every row given in `rows` (default every
 * data row); with `each: "column"` they are row ids, checked in every column; otherwise
 * `row` or `row/column` (a list table has the single column `value`).
 * - `sum`: the one cell on the left equals the sum on the right;
 * - `balance`: the sum on the left equals the sum on the right (the printed 勾稽关系);
 * - `at-most`: the left side never exceeds the right (其中 ≤ its parent).
 */
export interface RelationTemplate {
  id: string;
  kind: 'sum' | 'balance' | 'at-most';
  title: Localised;
  each?: 'row' | 'column';
  rows?: string[];
  columns?: string[];
  left: string[];
  right: string[];
}

export type TableShape = 'matrix' | 'single-row' | 'list';

export interface TableTemplate {
  id: string;
  /** what the table is, across generations: proactive | applications | review-litigation | legacy-statistics */
  kind: string;
  title: string;
  en: string;
  /** the generation whose format defines this table */
  generation: Generation;
  /** id of the profile section the table belongs in */
  section?: string;
  required: boolean;
  /**
   * how cells are laid out: `matrix` rows × columns (in blocks, each with its own header);
   * `single-row` one data row holding rows × columns cells in row order, rows being the groups
   * of the header (table 4);
   * `list` one value per labelled item, an optional unit beside it (legacy statistics)
   */
  shape: TableShape;
  /** texts that identify the table when found in it (the printed 勾稽关系 note) */
  anchors?: LabelSpec;
  /** least number of distinct rows (or header labels, for single-row tables) that must be recognised */
  minEvidence: number;
  /** whether missing rows are structure faults (not for legacy tables, which provinces varied) */
  strictRows?: boolean;
  blocks: BlockTemplate[];
  relations: RelationTemplate[];
}

export interface TablesConfig {
  templates: TableTemplate[];
}

/** The templates a profile's `tables` gives (none when it gives none). */
export function templatesOf(tables: unknown): TableTemplate[] {
  if (!tables || typeof tables !== 'object') return [];
  const t = (tables as Partial<TablesConfig>).templates;
  return Array.isArray(t) ? t : [];
}

/**
 * A matrix block's rows as the official form prints them: each row that holds values, with the title
 * of the heading row that opens its group when it is the group's first item (三、本年度办理结果 before
 * （一）予以公开). For rendering tables from the template (examples, generated tests).
 */
export function printedRows(block: BlockTemplate): [id: string, title: string, heading?: string][] {
  const out: [string, string, string?][] = [];
  let heading: string | undefined;
  for (const r of block.rows) {
    if (r.group) {
      heading = r.title;
      continue;
    }
    out.push(heading ? [r.id, r.title, heading] : [r.id, r.title]);
    heading = undefined;
  }
  return out;
}
