import { vocabulary } from '../config/vocabulary.js';

/**
 * Headings inside a long line: a crawler's or web form's dump of the whole article
 * (`…联系电话：0591-23165385）。 一、总体情况 2022年，…`), in any input format. The read stage uses it
 * to split a text dump into lines; the model uses it on a Markdown or HTML paragraph that holds the
 * whole report. The wording is data: where a heading may start (`headingStarts` in
 * `src/vocabulary/layout.json`), what may stand before it and the words a title ends with
 * (`inlineHeadings.before`, `titleEnds` in `src/vocabulary/sections.json`).
 */

interface LayoutHeadings {
  headingStarts: string[];
}
interface SectionsHeadings {
  titleEnds: string[];
  inlineHeadings: { before: string };
}

/** Longest title a heading inside a line may have. */
export const MAX_INLINE_TITLE = 32;

export interface InlineHeading {
  /** offset of the numbering (一、, （二）, 第三部分) */
  at: number;
  /** length of the numbering as matched by `headingStarts` */
  mark: number;
  /** offset where the title stops, when it stops soon enough to be a title */
  titleEnd?: number;
  /** what stops the title: a space, punctuation, a sub-heading or year that follows, a word titles end with, the end of the line */
  stop?: 'space' | 'punctuation' | 'sub-heading' | 'year' | 'title-word' | 'line-end';
  /**
   * followed by figures that are not a year (一、本年新收政府信息公开申请数量 713000074), or a cell
   * between bars (| (三)从事政府信息公开工作人员数 | 人 | 5 |): a table row
   */
  tableRow: boolean;
}

let compiled: { start: RegExp; before: RegExp; titleEnds: string[] } | undefined;

function patterns(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const { headingStarts } = vocabulary<LayoutHeadings>('layout');
  const { titleEnds, inlineHeadings } = vocabulary<SectionsHeadings>('sections');
  compiled = {
    start: new RegExp(`(?:${headingStarts.join('|')})`, 'gu'),
    before: new RegExp(`(?:${inlineHeadings.before})$`, 'u'),
    titleEnds,
  };
  return compiled;
}

/** Whether `s` opens with a heading's numbering (`headingStarts`), and how long that is. */
export function headingStartLength(s: string): number | undefined {
  const { start } = patterns();
  start.lastIndex = 0;
  const m = start.exec(s);
  return m && m.index === 0 ? m[0].length : undefined;
}

/** A row label and its figures: digits that run on into the next label, not a number with its unit. */
const TABLE_ROW = /^[^\s。，；：,]{2,60}? ?[0-9]+(?![0-9]*\s*年)(?=$|\s|[一二三四五六七八九十]、|[（(]|[0-9]+[.．、])/u;
/** Whether a bar that ends a table's cell stands just before `at` (spaces between). */
function barBefore(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i <= 4) {
    const c = line.charCodeAt(i);
    if (c === 0x7c || c === 0xff5c) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
    i--;
  }
  return false;
}
/** words, then the bar that ends their cell */
const BAR_AFTER = /^[^|｜。；\n]{1,80}?[ \t\u3000]*[|｜]/u;
const SUB_OR_YEAR = /(?<!第)[（(][一二三四五六七八九十]{1,3}[)）](?!项)|(?:19|20)[0-9]{2}\s*年/u;

/** Where the title of a heading whose numbering ends at `from` stops. */
function titleStop(line: string, from: number): Pick<InlineHeading, 'titleEnd' | 'stop'> {
  const window = line.slice(from, from + MAX_INLINE_TITLE + 1);
  let best: { at: number; stop: NonNullable<InlineHeading['stop']> } | undefined;
  const take = (at: number, stop: NonNullable<InlineHeading['stop']>): void => {
    if (at >= 2 && (!best || at < best.at)) best = { at, stop };
  };
  for (const w of patterns().titleEnds) {
    const i = window.indexOf(w, 1);
    if (i >= 0) take(i + w.length, 'title-word');
  }
  const sp = /[\s\u3000]/u.exec(window);
  if (sp) take(sp.index, 'space');
  const pu = /[。；;：:！？!?，,]/u.exec(window);
  if (pu) take(pu.index, 'punctuation');
  const sy = SUB_OR_YEAR.exec(window);
  if (sy) take(sy.index, /年$/u.test(sy[0]) ? 'year' : 'sub-heading');
  // a title with a comma in it (二、规范依申请公开,积极回应社会关切 健全…): it runs on to the space after
  // it, when no sentence ends before that
  if (best?.stop === 'punctuation' && /[，,]/u.test(window[best.at]!)) {
    const sp2 = /[\s\u3000]|[。；;：:！？!?]/u.exec(window.slice(best.at));
    if (sp2 && /[\s\u3000]/u.test(sp2[0])) best = { at: best.at + sp2.index, stop: 'space' };
  }
  // a short title that ends the line (a text cut off after its last heading)
  if (!best && line.length - from <= MAX_INLINE_TITLE && line.length - from >= 2) best = { at: line.length - from, stop: 'line-end' };
  return best && best.at <= MAX_INLINE_TITLE ? { titleEnd: from + best.at, stop: best.stop } : {};
}

/**
 * The headings inside a line: a numbering that opens the line, or stands after the end of a
 * sentence or a space, with where its title stops.
 */
export function inlineHeadings(line: string): InlineHeading[] {
  const { start, before } = patterns();
  const out: InlineHeading[] = [];
  start.lastIndex = 0;
  for (const m of line.matchAll(start)) {
    if (m[0].length === 0) continue;
    if (m.index > 0 && !before.test(line.slice(Math.max(0, m.index - 8), m.index))) continue;
    const rest = line.slice(m.index, m.index + 80);
    let from = m.index + m[0].length;
    while (from < line.length && /[\s\u3000]/u.test(line[from]!)) from++;
    // (a cell among cells set apart by bars, a bar before it and one after its words: …| 个 | 1 |
    // (三)从事政府信息公开工作人员数 | 人 | 5 |, a table's rows dumped on one line)
    const cell = barBefore(line, m.index) && BAR_AFTER.test(rest);
    out.push({ at: m.index, mark: m[0].length, ...titleStop(line, from), tableRow: cell || TABLE_ROW.test(rest) });
  }
  return out;
}
