import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import { parsePlainText } from '../../src/parse/plaintext.js';
import { textTableToGrid } from '../../src/model/text-table.js';

/**
 * A Word document with the content of a text or Markdown report, as an official would have typed
 * it: one Word paragraph per line, Markdown headings as Word headings, and tables as Word tables —
 * in plain text the tables the text reader finds (rows of `|` cells, or one cell per line), in
 * Markdown runs of `|` lines (the delimiter row dropped).
 */

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const isPipe = (l: string): boolean => /[|｜]/.test(l);
const isDelimiterRow = (l: string): boolean => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l);

function cellsOf(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split(/[|｜]/).map((c) => c.trim());
}

function table(lines: string[]): Table {
  return wordTable(lines.filter((l) => !isDelimiterRow(l)).map(cellsOf));
}

/**
 * Rows keep their own number of cells: Word allows ragged tables, and a cut-off row stays short.
 * The table spans the text's width (16 cm), in columns of equal width, as Word inserts a table.
 */
function wordTable(rows: string[][]): Table {
  const n = Math.max(1, ...rows.map((r) => r.length));
  return new Table({
    width: { size: 9000, type: WidthType.DXA },
    columnWidths: Array.from({ length: n }, () => Math.floor(9000 / n)),
    rows: rows.map((r) => new TableRow({ children: (r.length ? r : ['']).map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
}

/** Plain text: paragraphs and the tables the text reader reconstructs. */
function plainTextChildren(text: string): FileChild[] {
  const out: FileChild[] = [];
  for (const node of parsePlainText(text).children) {
    if (node.type === 'textTable') {
      const grid = textTableToGrid(node, 0);
      out.push(wordTable(grid.rows.map((r) => r.map((c) => c.text.text.trim()))));
    } else if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type === 'text') out.push(new Paragraph(first.value.trim()));
    }
  }
  return out;
}

export function reportToDocxChildren(text: string, markdown: boolean): FileChild[] {
  if (!markdown) return plainTextChildren(text);
  const lines = text.split(/\r\n|\n|\r/);
  const out: FileChild[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (isPipe(line)) {
      const run: string[] = [];
      while (i < lines.length && isPipe(lines[i]!)) run.push(lines[i++]!);
      i--;
      out.push(table(run));
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) out.push(new Paragraph({ text: h[2]!, heading: HEADINGS[h[1]!.length - 1] }));
    else out.push(new Paragraph(line.trim()));
  }
  return out;
}

export async function reportToDocx(text: string, markdown = false): Promise<Buffer> {
  const doc = new Document({
    creator: 'ogi-lint tests',
    title: 'report',
    sections: [{ children: reportToDocxChildren(text, markdown) }],
  });
  return Packer.toBuffer(doc);
}
