import { displayWidth } from '../../util/width.js';
import type { TableTemplate } from './template.js';

/**
 * What is left of a table that could not be read: its labels and figures in a section's text. A
 * section that holds them has its table, in a shape no reader could place (text taken out of a PDF
 * column by column, header cells wrapped a few characters a line, figures before their labels),
 * which is "cannot check", never "missing".
 */

/** Figures that stand alone, as a table's cells do in text (`251`, `7    4    3`, `| 0 |`), not a prose figure with its unit (`2件`). */
const STANDALONE_FIGURE = /(?:^|[\s|｜])[0-9０-９]+(?=$|[\s|｜])/gm;

/**
 * Whether a text holds a table's labels and figures: most of its labels (enough to recognise it) and
 * figures among them; or some of its labels and figures standing alone as cells do (the fewer the
 * labels, the more figures: three with three labels or more, eight with one), the table's text too
 * jumbled for the rest of its labels to be read (text taken out of a PDF column by column, each
 * header cell wrapped a few characters a line: 结果维 结果纠 / 持 / 正; figures before their labels).
 */
function labelsPresent(text: string, tpl: TableTemplate, atLeast = 3): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  let found = 0;
  for (const block of tpl.blocks) {
    for (const spec of [...block.rows, ...block.columns]) {
      const byLabel = (spec.labels ?? []).some((l) => l.length >= 3 && t.includes(l.replace(/[\s\u3000]/g, '')));
      const byWords = (spec.match ?? []).some((words) => words.join('').length >= 3 && words.every((w) => t.includes(w)));
      if (byLabel || byWords) found++;
    }
  }
  const figures = t.match(/[0-9]/g)?.length ?? 0;
  if (found >= Math.max(tpl.minEvidence, atLeast) && figures >= found / 2) return true;
  return found >= 1 && (text.match(STANDALONE_FIGURE)?.length ?? 0) >= Math.max(3, 8 - 2 * found);
}

/** Lines of a table's row laid out as text: a label, then two figures or more, set apart by runs of spaces (`规章      0      0      0`). */
const ROW_LINE = /\S(?:[ \u3000]{2,}|\t)[0-9０-９.]+(?:(?:[ \u3000]{2,}|\t)[0-9０-９.]+)+[ \u3000]*$/;

/**
 * The text of a block of lines read down its columns: header cells printed a character a line in
 * narrow columns (行 / 政 / 复 / 议), as text taken out of a PDF with its layout keeps them. Each
 * column of characters (by display width: a Chinese character takes two) read top to bottom.
 */
function readDown(text: string): string {
  const columns = new Map<number, string>();
  for (const line of text.split('\n')) {
    let x = 0;
    for (const ch of line) {
      const w = displayWidth(ch);
      if (w === 2) columns.set(x, (columns.get(x) ?? '') + ch);
      x += w;
    }
  }
  return [...columns.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('\n');
}

/**
 * Whether a section's text holds traces of the table: most of its labels with figures among them;
 * or its labels printed down narrow columns, a character a line; or lines of a label and figures set
 * apart by spaces, too few to be read as the table, beside one of its labels.
 */
export function tableTraces(text: string, tpl: TableTemplate): boolean {
  return (
    labelsPresent(text, tpl) ||
    labelsPresent(`${text}\n${readDown(text)}`, tpl) ||
    (text.split('\n').filter((l) => ROW_LINE.test(l)).length >= 2 && labelsPresent(text, { ...tpl, minEvidence: 1 }, 1))
  );
}
