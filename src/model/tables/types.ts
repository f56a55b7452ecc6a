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
}

export type ColumnMapping = 'position' | 'header' | 'template-order';

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
 * A table whose labels stand in the text one per line but whose cells could not be read as a
 * grid (a web table copied as text, empty cells lost): it is there, but cannot be checked.
 */
export interface FlattenedTable {
  template: string;
  kind: string;
  generation: Generation;
  range: SourceRange;
  /** the row and column labels found */
  labels: { id: string; what: 'row' | 'column'; text: string; range: SourceRange }[];
  /** how many lines among the labels read as figures (0: the figures were lost) */
  values: number;
}

/** The official tables of a report, and what its words show about its format generation. */
export interface OfficialTables {
  tables: OfficialTable[];
  /** tables present only as lines of labels, for kinds not found as tables */
  flattened: FlattenedTable[];
  evidence: FormatEvidence;
}
