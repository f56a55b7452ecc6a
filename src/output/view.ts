import type { LintMessage } from '../diagnostic.js';
import type { Position, SourceDocument } from '../read/types.js';
import type { Block, Report, Section } from '../model/types.js';
import type { MappedText } from '../util/mapped-text.js';

/**
 * The report as a reader sees it, with every finding placed: a plain, serialisable shape (it
 * crosses from a Web Worker to the page) that a page or an editor preview can render without the
 * library. Blocks are the model's blocks — headings, lines of prose, tables as grids — and each
 * piece of text carries the indexes of the findings that cover it.
 */
export interface ReportView {
  filePath: string;
  /** how the file was read: text, markdown, html, docx, … */
  kind: string;
  generation: string;
  /** what the generation was chosen by: the report year, the structure, a forced profile, a default */
  generationSource: Report['generationSource'];
  year: number | null;
  yearSource: string | null;
  title: string | null;
  agency: string | null;
  /** the top-level sections, in order; findings before the first one belong to the preamble (-1) */
  sections: { title: string; line: number }[];
  blocks: ViewBlock[];
  /** for each finding, in the order of the messages given: where it is shown */
  places: FindingPlace[];
}

export interface ViewSpan {
  text: string;
  /** indexes of the findings covering this text */
  marks: number[];
}

export interface ViewCell {
  spans: ViewSpan[];
  rowSpan?: number;
  colSpan?: number;
  /** findings on the cell as a whole (a blank cell, a total that does not add up) */
  marks: number[];
  line: number;
}

export interface ViewBlock {
  kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'table' | 'code' | 'html' | 'break';
  /** for headings: 1 for a top-level section, 2 for the parts under it, … */
  level?: number;
  /** the top-level section the block is in (-1 before the first) */
  section: number;
  /** the line (for Word documents, the paragraph number) the block starts at */
  line: number;
  spans: ViewSpan[];
  /** tables: rows of cells, merged cells given once with their spans */
  rows?: ViewCell[][];
  /** findings placed on the block as a whole (nothing in its text covers them) */
  marks: number[];
}

export interface FindingPlace {
  /** the block the finding is shown in, or -1 when the report has no blocks */
  block: number;
  section: number;
  /** table cell, when the finding is on a cell */
  cell?: { row: number; col: number };
}

type Pos = Pick<Position, 'line' | 'column'>;

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function atOrBefore(a: Pos, b: Pos): boolean {
  return !before(b, a);
}

interface Range {
  start: Pos;
  end: Pos;
}

function messageRange(m: LintMessage): Range {
  const start = { line: m.line, column: m.column };
  const end = { line: m.endLine ?? m.line, column: m.endColumn ?? m.column };
  return { start, end: before(end, start) ? start : end };
}

/** Split text into spans by the findings covering each character. */
function spansOf(text: MappedText, doc: SourceDocument, ranges: Range[], hit: Set<number>): ViewSpan[] {
  const spans: ViewSpan[] = [];
  let cur: ViewSpan | undefined;
  for (let i = 0; i < text.text.length; i++) {
    const p = doc.position(text.toSource(i));
    const marks: number[] = [];
    ranges.forEach((r, k) => {
      if (atOrBefore(r.start, p) && before(p, r.end)) marks.push(k);
    });
    marks.forEach((k) => hit.add(k));
    if (cur && cur.marks.length === marks.length && cur.marks.every((k, j) => k === marks[j])) cur.text += text.text[i];
    else spans.push((cur = { text: text.text[i]!, marks }));
  }
  return spans;
}

function headingLevels(sections: Section[]): Map<number, { level: number; top: number }> {
  const m = new Map<number, { level: number; top: number }>();
  const walk = (s: Section, top: number): void => {
    m.set(s.heading.index, { level: s.level, top });
    s.children.forEach((c) => walk(c, top));
  };
  sections.forEach((s, i) => walk(s, i));
  return m;
}

function blockKind(b: Block, heading: boolean, title: boolean): ViewBlock['kind'] {
  if (title) return 'title';
  if (heading || b.type === 'heading') return 'heading';
  return b.type;
}

/** The report as it reads, with the findings of `messages` placed in it. */
export function reportView(report: Report, messages: LintMessage[]): ReportView {
  const doc = report.doc;
  const ranges = messages.map(messageRange);
  const headings = headingLevels(report.sections);
  const titleStart = report.title?.range.start;
  const places: FindingPlace[] = messages.map(() => ({ block: -1, section: -1 }));
  const blocks: ViewBlock[] = [];
  let section = -1;
  const starts: Pos[] = [];

  for (const b of report.blocks) {
    const h = headings.get(b.index);
    if (h && h.level === 1) section = h.top;
    const title = titleStart !== undefined && b.range.start <= titleStart && titleStart < Math.max(b.range.end, b.range.start + 1);
    const start = doc.position(b.range.start);
    starts.push(start);
    const vb: ViewBlock = {
      kind: blockKind(b, !!h, title),
      section,
      line: start.line,
      spans: [],
      marks: [],
    };
    if (h) vb.level = h.level;
    const at = blocks.length;
    if (b.table) {
      vb.rows = b.table.rows.map((row, r) =>
        row.flatMap((cell, c): ViewCell[] => {
          if (cell.origin) return [];
          const hit = new Set<number>();
          const spans = spansOf(cell.text, doc, ranges, hit);
          const a = doc.position(cell.range.start);
          const z = doc.position(Math.max(cell.range.end, cell.range.start));
          const marks: number[] = [];
          // the findings covering its text, and those that start in it (a blank cell has no text to cover)
          ranges.forEach((rg, k) => {
            if (hit.has(k) || (atOrBefore(a, rg.start) && atOrBefore(rg.start, z))) marks.push(k);
          });
          for (const k of marks) if (places[k]!.block === -1) places[k] = { block: at, section, cell: { row: r, col: c } };
          const vc: ViewCell = { spans, marks, line: a.line };
          if (cell.rowSpan && cell.rowSpan > 1) vc.rowSpan = cell.rowSpan;
          if (cell.colSpan && cell.colSpan > 1) vc.colSpan = cell.colSpan;
          return [vc];
        }),
      );
    } else {
      const hit = new Set<number>();
      vb.spans = spansOf(b.text, doc, ranges, hit);
      for (const k of hit) if (places[k]!.block === -1) places[k] = { block: at, section };
    }
    blocks.push(vb);
  }

  // findings no text covers (an empty range, a place between blocks, a section that is missing):
  // on the last block that starts at or before them, else the first
  ranges.forEach((r, k) => {
    if (places[k]!.block !== -1 || blocks.length === 0) return;
    let at = 0;
    starts.forEach((s, i) => {
      if (atOrBefore(s, r.start)) at = i;
    });
    places[k] = { block: at, section: blocks[at]!.section };
    blocks[at]!.marks.push(k);
  });

  return {
    filePath: doc.filePath,
    kind: doc.kind,
    generation: report.generation,
    generationSource: report.generationSource,
    year: report.year?.value ?? null,
    yearSource: report.year?.source ?? null,
    title: report.title?.text ?? null,
    agency: report.agency ?? null,
    sections: report.sections.map((s) => ({ title: `${s.numbering?.raw ?? ''}${s.title}`, line: doc.position(s.heading.range.start).line })),
    blocks,
    places,
  };
}
