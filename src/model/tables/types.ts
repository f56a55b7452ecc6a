import type { SourceRange } from '../../util/mapped-text.js';
import type { Generation, TableLayout } from '../types.js';
import type { CellKind } from './values.js';
import type { FormatEvidence } from './evidence.js';

/**
 * The official tables of a report in one canonical form, whatever layout they arrived in
 * (documented by schemas/tables.schema.json): cells by row id and column id —
 * table 2 by row (规章, 行政许可…) × its block's columns, table 3 by row × applicant column,
 * table 4 by group (行政复议, 未经复议直接起诉, 复议后起诉) × outcome, the legacy statistics
 * table by item × `value`. Every cell keeps its source range.
 */

export interface ExtractedCell {
  /** the cell as written */
  text: string;
  range: SourceRange;
  kind: CellKind;
  /** the number (also for approximate values); null for blank and invalid cells */
  value: number | null;
  /** unit beside the value (legacy tables) or written in the cell */
  unit?: string;
}

export interface ExtractedRow {
  id: string;
  /** id of the template block (table 2: art20-1…) */
  block: string;
  /** the label as written in the report */
  label: string;
  range: SourceRange;
}

/** A column (or, in table 4, a group) as its header names it. */
export interface ExtractedColumn {
  id: string;
  block: string;
  label: string;
  range: SourceRange;
}

export type StructureIssueKind =
  /** a row of the template is not in the table */
  | 'missing-row'
  /** a column of the template is not in the header */
  | 'missing-column'
  /** a row with values whose label matches no row of the template */
  | 'unknown-row'
  /** a header label that matches no column of the template */
  | 'unknown-column'
  /** a row has more or fewer value cells than the template has columns */
  | 'cell-count'
  /** a row stands out of the template's order */
  | 'order'
  /** the same row appears twice */
  | 'duplicate-row'
  /** a heading row (（三）不予公开) carries values */
  | 'group-values';

export interface StructureIssue {
  kind: StructureIssueKind;
  /** template row or column id, where one is concerned */
  row?: string;
  column?: string;
  block?: string;
  /** the text at fault, as written */
  text?: string;
  range: SourceRange;
  expected?: number | string;
  actual?: number | string;
  /**
   * the text at fault is probably a piece of a row's label the layout cut (a label wrapped in a
   * narrow column, read from a PDF line by line), not the report's own fault: a row not found with
   * a row of unknown label that holds much of its title (both marked), or a row found twice by
   * part of its label
   */
  misread?: boolean;
  /** (a misread row) its label stands in a row after the part of the table that was read, not in it */
  outside?: boolean;
}

/**
 * How values were placed in columns: `position` under the header cell above them; `header` in
 * the order a header row names the columns; `template-order` in the template's order under a
 * header that names them; `count` in the template's order because every row holds exactly as many
 * values as the template has columns, the header naming none (`| 类别 | 数据1 | … | 总计 |`).
 */
export type ColumnMapping = 'position' | 'header' | 'template-order' | 'count';

export interface OfficialTable {
  /** template id (applications-2021…) */
  template: string;
  /** proactive | applications | review-litigation | legacy-statistics | a profile's own kind */
  kind: string;
  /** the generation whose format the table follows */
  generation: Generation;
  range: SourceRange;
  /** how the table arrived (of its first grid) */
  layout: TableLayout;
  /** indices in Report.tables of the grids it was read from */
  grids: number[];
  /** how values were assigned to columns: by header position, by a header row's order, or by the template's order */
  columnMapping: ColumnMapping;
  /** the document ends inside the table: rows after the last one found may simply be cut off */
  truncated: boolean;
  rows: ExtractedRow[];
  /** header labels recognised, per block (none when values were placed by the template's order alone) */
  columns: ExtractedColumn[];
  /** row id → column id → cell */
  cells: Record<string, Record<string, ExtractedCell>>;
  issues: StructureIssue[];
}

/**
 * Why a table's cells could not be aligned with certainty: `no-values` only labels, the figures
 * lost; `cell-count` figures that do not fit the rows (empty cells dropped in copying);
 * `run-together` digits without separators (`713000074`); `column-order` cells given column
 * by column; `lost-characters` characters in the table could not be decoded (bytes broken in
 * conversion), so its labels and figures cannot be trusted.
 */
export type UnsureReason = 'no-values' | 'cell-count' | 'run-together' | 'column-order' | 'few-rows' | 'lost-characters';

/**
 * A table found by its labels whose cells could not be aligned to its rows and columns with
 * certainty: it is there, but cannot be checked, and nothing is guessed from it.
 */
export interface FlattenedTable {
  template: string;
  kind: string;
  generation: Generation;
  range: SourceRange;
  /** the row and column labels found */
  labels: { id: string; what: 'row' | 'column'; text: string; range: SourceRange }[];
  /** how many value cells were found among the labels (0: the figures were lost) */
  values: number;
  reason: UnsureReason;
  /** the first row whose figures did not fit, with the count expected and found */
  row?: string;
  expected?: number;
  actual?: number;
}

/** The official tables of a report, and what its words show about its format generation. */
export interface OfficialTables {
  tables: OfficialTable[];
  /** tables found by their labels but not readable with certainty, for kinds not found as tables */
  flattened: FlattenedTable[];
  evidence: FormatEvidence;
}
