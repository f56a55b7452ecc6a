import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, type FileChild } from 'docx';

/**
 * A Word document with the content of a text or Markdown report, as an official would have typed
 * it: one Word paragraph per line, Markdown headings as Word headings, and runs of `|` lines as a
 * Word table (a Markdown table's delimiter row dropped).
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
  const rows = lines.filter((l) => !isDelimiterRow(l)).map(cellsOf);
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })),
        }),
    ),
  });
}

export function reportToDocxChildren(text: string, markdown: boolean): FileChild[] {
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
    const h = markdown ? /^(#{1,6})\s+(.*)$/.exec(line) : null;
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
