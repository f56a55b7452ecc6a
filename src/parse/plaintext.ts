import type { Root, Paragraph, RootContent } from 'mdast';

/**
 * Plain text (copied out of Word or a web page) as an mdast tree: every non-empty line is a
 * paragraph, because headings such as 一、总体情况 are ordinary lines there. Runs of lines that
 * carry a table flattened with `|` separators become one `textTable` node holding those lines;
 * the model turns it into a grid.
 */

export interface TextTableLine {
  text: string;
  offset: number;
}

export interface TextTable {
  type: 'textTable';
  lines: TextTableLine[];
  position: { start: Pt; end: Pt };
}

interface Pt {
  line: number;
  column: number;
  offset: number;
}

declare module 'mdast' {
  interface RootContentMap {
    textTable: TextTable;
  }
}

const PIPE = /[|｜]/;

function isPipeLine(s: string): boolean {
  return PIPE.test(s);
}

export function parsePlainText(text: string): Root {
  const lines: { text: string; offset: number; line: number }[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  let lineNo = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push({ text: text.slice(last, m.index), offset: last, line: lineNo++ });
    last = m.index + m[0].length;
  }
  lines.push({ text: text.slice(last), offset: last, line: lineNo });

  const children: RootContent[] = [];
  const pt = (line: number, offset: number, col: number): Pt => ({ line, column: col, offset });

  let i = 0;
  while (i < lines.length) {
    const ln = lines[i]!;
    if (isPipeLine(ln.text)) {
      // A table region: pipe lines, and the cell lines between them (one cell per line with
      // lone `|` lines). It ends at a blank line or two consecutive lines without a pipe.
      let j = i;
      let end = i;
      while (j < lines.length) {
        const t = lines[j]!.text;
        if (t.trim() === '') break;
        if (isPipeLine(t)) {
          end = j;
          j++;
          continue;
        }
        const next = lines[j + 1];
        if (next && isPipeLine(next.text)) {
          j++;
          continue;
        }
        // a last cell line closing a cell-per-line row
        if (lines[j - 1] && lines[j - 1]!.text.trim().match(/^[|｜]$/)) end = j;
        break;
      }
      const region = lines.slice(i, end + 1);
      const lastLn = region[region.length - 1]!;
      children.push({
        type: 'textTable',
        lines: region.map((r) => ({ text: r.text, offset: r.offset })),
        position: { start: pt(ln.line, ln.offset, 1), end: pt(lastLn.line, lastLn.offset + lastLn.text.length, lastLn.text.length + 1) },
      });
      i = end + 1;
      continue;
    }
    if (ln.text.trim() !== '') {
      const para: Paragraph = {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: ln.text,
            position: { start: pt(ln.line, ln.offset, 1), end: pt(ln.line, ln.offset + ln.text.length, ln.text.length + 1) },
          },
        ],
        position: { start: pt(ln.line, ln.offset, 1), end: pt(ln.line, ln.offset + ln.text.length, ln.text.length + 1) },
      };
      children.push(para);
    }
    i++;
  }
  return {
    type: 'root',
    children,
    position: { start: pt(1, 0, 1), end: pt(lineNo, text.length, 1) },
  };
}
