import type { MappedText, SourceRange } from '../util/mapped-text.js';
import type { SourceDocument } from '../read/types.js';
import type { Breakdown, Figure, FigureGap, Share } from './figures/types.js';
import type { OfficialTables } from './tables/types.js';

export type Generation = 'legacy' | 'format-2019' | 'format-2021';

/** A table cell as it stands in the input, before any recognition. */
export interface RawCell {
  text: MappedText;
  range: SourceRange;
  /** spans as written (HTML); the grid repeats a spanned cell in every slot it covers */
  rowSpan?: number;
  colSpan?: number;
  /** set on the copies a span produced: row/column of the cell that holds the content */
  origin?: { row: number; col: number };
}

/** How a table arrived. */
export type TableLayout = 'gfm' | 'html' | 'pipe-text' | 'cell-per-line' | 'ruled-text' | 'text';

/** A table as a grid of raw cells (rows may differ in length when the input does). */
export interface RawTable {
  rows: RawCell[][];
  range: SourceRange;
  layout: TableLayout;
  /** index of the first block of the table in Report.blocks */
  blockIndex: number;
}

export type BlockType = 'heading' | 'paragraph' | 'table' | 'list-item' | 'code' | 'html' | 'break';

/**
 * The unit the model is built from: one line of prose (Markdown paragraphs are split at line
 * breaks, since text pasted from Word keeps headings and body on adjacent lines), a Markdown
 * heading, or a whole table.
 */
export interface Block {
  index: number;
  type: BlockType;
  /** plain text without Markdown markup, mapped back to the source */
  text: MappedText;
  range: SourceRange;
  /** depth of a Markdown heading (# = 1) */
  mdDepth?: number;
  table?: RawTable;
  /**
   * pictures in the paragraph (Markdown `![…](…)`, an HTML `<img>`, a picture in a Word document):
   * a table pasted as a picture is content, but not one whose figures can be read
   */
  images?: number;
  /**
   * display columns of white space before the block on its line (a line of plain text indented
   * with spaces), when there is any: where the columns of a table laid out in text stand
   */
  indent?: number;
}

export type NumberingStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） (一)
  | 'arabic-dot' // 1. 1． 1、
  | 'arabic-paren' // (1) （1）
  | 'circled' // ①
  | 'part' // 第一部分
  | 'markdown'; // # heading without numbering

export interface Numbering {
  style: NumberingStyle;
  ordinal: number;
  raw: string;
}

export interface Section {
  /** the heading block */
  heading: Block;
  /** title text without its numbering */
  title: string;
  /** mapped title, for ranges on the title */
  titleText: MappedText;
  numbering?: Numbering;
  /** 1 = top level */
  level: number;
  /** from the heading to the end of the last block that belongs to the section */
  range: SourceRange;
  /** blocks directly under the heading (text on the heading line after the title counts) */
  blocks: Block[];
  /** true when the heading line itself continues with body text (一、概述。2016年，…) */
  inlineBody: boolean;
  children: Section[];
  parent?: Section;
}

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
}

/**
 * Where a year came from: the title line; the statistics period; a sentence that names the
 * report (现公布…2023年政府信息公开工作年度报告); the text's own statements (2021年，我局…);
 * configuration.
 */
export type YearSource = 'title' | 'period' | 'name' | 'text' | 'config';

export interface YearMention {
  year: number;
  range: SourceRange;
  source: YearSource;
}

export interface TitleInfo {
  text: string;
  range: SourceRange;
  year?: number;
  yearRange?: SourceRange;
  agency?: string;
  /** the title reads as a standard 政府信息公开工作年度报告 title */
  standard: boolean;
}

/** A statement of the statistics period found in the text. */
export interface PeriodStatement {
  text: string;
  range: SourceRange;
  /** what the statement gives */
  kind: 'range' | 'cutoff' | 'malformed';
  start?: DateValue;
  /** the end date; a year left out (…至12月31日) is taken from the start */
  end?: DateValue;
  /** the dates as written (2021年1月1日至12月31日, 截至2020年12月31日), for precise ranges */
  dates?: { text: string; range: SourceRange };
  /** the garbled piece, when kind is malformed */
  garbled?: { text: string; range: SourceRange };
  /** the dates name no year (1月1日至12月31日, 本年度1月1日至12月31日): the report's year is meant */
  noYear?: boolean;
}

export type ContactKind = 'phone' | 'email' | 'postcode' | 'address' | 'website';

export interface ContactItem {
  kind: ContactKind;
  /** the value as written (empty when only a label stands) */
  value: string;
  range: SourceRange;
  /** the label before it (电话、邮箱、地址…), if any */
  label?: string;
  /** whether the value is well formed for its kind */
  valid: boolean;
  /** true when it appears in a sentence about questions on the report (如对本报告有疑问…) */
  forReport: boolean;
}

export interface SignOff {
  date: DateValue;
  text: string;
  range: SourceRange;
  /**
   * `signature`: the report's own date (under the signature, under the title, 成文日期);
   * `page`: the publication date of the web page that carries it (发布时间)
   */
  source?: 'signature' | 'page';
  /** the signing body's name on its own line just above the date (某某镇人民政府), when there is one */
  signatory?: { text: string; range: SourceRange };
}

export interface Report {
  doc: SourceDocument;
  blocks: Block[];
  /** top-level sections, in order, with their sub-sections */
  sections: Section[];
  /** blocks before the first top-level section (title, introduction) */
  preamble: Block[];
  tables: RawTable[];
  title?: TitleInfo;
  /** the report year and where it came from */
  year?: { value: number; source: YearSource; range?: SourceRange };
  /** every year mention that says which year the report covers (title, period, text) */
  yearMentions: YearMention[];
  agency?: string;
  generation: Generation;
  /** set when the generation was given (--profile/config) instead of derived from the year */
  generationSource: 'year' | 'config' | 'structure' | 'default';
  periods: PeriodStatement[];
  contacts: ContactItem[];
  signOff?: SignOff;
  /** figures stated in the prose (not in tables), with their units and subjects */
  figures: Figure[];
  /** totals in the prose followed by the parts they are made of */
  breakdowns: Breakdown[];
  /** percentages stated as shares of something, with the part and whole when unambiguous */
  shares: Share[];
  /** counts in the prose written without their number (工作动态类信息条) */
  gaps: FigureGap[];
  /** the official tables (2, 3, 4 or the legacy statistics table) read into the canonical model */
  official: OfficialTables;
}
