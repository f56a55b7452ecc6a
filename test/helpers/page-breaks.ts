/**
 * Table 3 of a rendered report (./layouts.ts) cut in two, as a page break cuts it in the documents
 * reviewers receive: in the text of a PDF whose table repeats its header rows on each page (Word's
 * 重复标题行), in Markdown a converter wrote one table a page, in HTML with one `<table>` a page.
 * `cutAt` picks the first row of the second part: the first row after 一、本年新收 whose text it
 * matches (部分公开 is never picked: its label names 不予公开's neighbours). Each function returns
 * the text unchanged when it finds no such row.
 */

const PART = '三、收到和处理政府信息公开申请情况';
const FIRST_ROW = /一、本年新收/;

function cutRow(texts: readonly string[], from: number, cutAt: RegExp): number {
  return texts.findIndex((t, i) => i > from && cutAt.test(t) && !/部分公开/.test(t));
}

/**
 * A text layout (pipe rows, PDF text, drawings): the header's lines, those between the sentence that
 * introduces the table and its first row, again before the cut row, after a page number when
 * `pageNumber` is given.
 */
export function repeatHeaderLines(text: string, cutAt: RegExp, pageNumber?: string): string {
  const lines = text.split('\n');
  const part = lines.findIndex((l) => l.includes(PART));
  const intro = lines.findIndex((l, i) => i > part && l.includes('见下表'));
  const first = lines.findIndex((l, i) => i > intro && FIRST_ROW.test(l));
  const cut = cutRow(lines, first, cutAt);
  if (part < 0 || intro < 0 || first < 0 || cut < 0) return text;
  const page = pageNumber ? ['', pageNumber, ''] : [];
  return [...lines.slice(0, cut), ...page, ...lines.slice(intro + 1, first), ...lines.slice(cut)].join('\n');
}

/**
 * A GFM table cut in two: a blank line, then the second part under the header rows again (its first
 * line, the delimiter row and the header rows after it), or, without `withHeader`, under its own
 * first row made the header row.
 */
export function splitGfmTable(text: string, cutAt: RegExp, withHeader: boolean): string {
  const lines = text.split('\n');
  const part = lines.findIndex((l) => l.includes(PART));
  const top = lines.findIndex((l, i) => i > part && l.startsWith('|'));
  const delimiter = lines.findIndex((l, i) => i > part && /^\|?\s*:?-{3,}/.test(l));
  const first = lines.findIndex((l, i) => i > delimiter && FIRST_ROW.test(l));
  const cut = cutRow(lines, first, cutAt);
  if (part < 0 || top < 0 || delimiter < 0 || first < 0 || cut < 0) return text;
  const second = withHeader
    ? [lines[top]!, lines[delimiter]!, ...lines.slice(delimiter + 1, first), ...lines.slice(cut)]
    : [lines[cut]!, lines[delimiter]!, ...lines.slice(cut + 1)];
  return [...lines.slice(0, cut), '', ...second].join('\n');
}

interface HtmlCell {
  attrs: string;
  inner: string;
  rowspan: number;
  col: number;
}

/**
 * An HTML table cut in two `<table>`s, a page number between them. A cell spanning rows across the
 * cut is cut too: the first part keeps its rows, the second starts with a cell of its own in its
 * place, empty or, with `repeatSpanned`, with the same text. With `withHeader` the second part has
 * the header rows again.
 */
export function splitHtmlTable(text: string, cutAt: RegExp, withHeader: boolean, repeatSpanned: boolean): string {
  const part = text.indexOf(PART);
  const open = part < 0 ? -1 : text.indexOf('<table', part);
  if (open < 0) return text;
  const openEnd = text.indexOf('>', open) + 1;
  const close = text.indexOf('</table>', open);
  const rowTexts = text
    .slice(openEnd, close)
    .split(/(?=<tr)/)
    .filter((r) => r.startsWith('<tr'));
  const rows: HtmlCell[][] = rowTexts.map(() => []);
  const taken: boolean[][] = rowTexts.map(() => []);
  rowTexts.forEach((rowText, r) => {
    let col = 0;
    for (const m of rowText.matchAll(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/g)) {
      while (taken[r]![col]) col++;
      const rowspan = Number(/rowspan="?(\d+)/.exec(m[2]!)?.[1] ?? 1);
      const colspan = Number(/colspan="?(\d+)/.exec(m[2]!)?.[1] ?? 1);
      rows[r]!.push({ attrs: m[2]!.replace(/\s*rowspan="?\d+"?/, ''), inner: m[3]!, rowspan, col });
      for (let y = r; y < r + rowspan && y < rows.length; y++) for (let x = col; x < col + colspan; x++) taken[y]![x] = true;
      col += colspan;
    }
  });
  const plain = rows.map((cells) => cells.map((c) => c.inner.replace(/<[^>]+>/g, '')).join(' '));
  const first = plain.findIndex((t) => FIRST_ROW.test(t));
  const cut = first < 0 ? -1 : cutRow(plain, first, cutAt);
  if (cut < 0) return text;
  const crossing: HtmlCell[] = [];
  for (let r = 0; r < cut; r++) {
    for (const c of rows[r]!) {
      if (r + c.rowspan <= cut) continue;
      crossing.push({ ...c, rowspan: r + c.rowspan - cut, inner: repeatSpanned ? c.inner : '' });
      c.rowspan = cut - r;
    }
  }
  rows[cut] = [...crossing, ...rows[cut]!].sort((a, b) => a.col - b.col);
  const render = (cells: HtmlCell[]): string => `<tr>${cells.map((c) => `<td${c.attrs}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${c.inner}</td>`).join('')}</tr>\n`;
  const table = text.slice(open, openEnd);
  const firstPart = rows.slice(0, cut).map(render).join('');
  const secondPart = [...(withHeader ? rows.slice(0, first) : []), ...rows.slice(cut)].map(render).join('');
  return `${text.slice(0, openEnd)}${firstPart}</table>\n<p>— 3 —</p>\n${table}${secondPart}${text.slice(close)}`;
}
