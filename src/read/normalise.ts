import { compactLetterSpacing, letterSpacedCuts } from '../util/letter-spacing.js';
import { withSentenceStops } from '../util/sentence-stops.js';
import { MappedText, MappedTextBuilder, isSpace, type Segment } from '../util/mapped-text.js';
import { vocabulary } from '../config/vocabulary.js';
import { inlineHeadings } from './headings.js';

/**
 * Text normalisation before every extractor. Reports reach the linter as text copied out of Word,
 * taken out of a PDF (lines hard-wrapped every thirty-odd characters, blank lines between lines,
 * page numbers and running heads between them, spaces around Latin digits), or dumped by a crawler
 * (the whole article on one line). Extractors should see paragraphs, not those accidents. The
 * normalised text keeps a map back to the text as read, so every position still points at the file
 * as given, and fixes are applied to the original.
 *
 * What is done, and what is left alone:
 * - page-number lines (`— 6 —`, `- 3 -`, `第 2 页 共 9 页`) are dropped; so are running heads: a line
 *   that recurs beside page numbers;
 * - hard-wrapped prose lines are re-joined into paragraphs when the text is visibly wrapped at a fixed
 *   width; headings, list items, table rows and lines of figures are never joined;
 * - a one-line dump is split at sentence ends and section headings (a space becomes a line break);
 * - a space between a Chinese character and a Latin number inside a sentence (`2024 年 1 月`) is removed;
 *   spaces between numbers (table columns) are kept;
 * - full-width digits, Latin letters and ％ are folded to their ASCII forms, and radicals that a PDF's
 *   fonts gave for ordinary characters (`⼀`, `⻔`) to those characters.
 */

export interface LayoutVocabulary {
  /** regular expressions (sources) of a whole line that is only a page number */
  pageNumberLines: string[];
  /** regular expressions (sources) of the start of a section or list heading */
  headingStarts: string[];
  /** what may follow a number inside a sentence (units, date words, ％): a space before it is a PDF's */
  unitsAfterNumbers: string[];
  /** radicals of the CJK Radicals Supplement read as the characters they stand for */
  radicalForms?: Record<string, string>;
}

let compiled: { pageNumber: RegExp; heading: RegExp; pageMeta: RegExp; titleLine: RegExp } | undefined;

function patterns(): { pageNumber: RegExp; heading: RegExp; pageMeta: RegExp; titleLine: RegExp } {
  if (compiled) return compiled;
  const v = vocabulary<LayoutVocabulary>('layout');
  const title = vocabulary<{ subjectWords: string[]; reportWords: string[] }>('title');
  compiled = {
    // a title line: a subject word, then a report word at its end, maybe the year in brackets after it
    // (某某市人民政府政府信息公开工作年度报告（2024年）), by the words of src/vocabulary/title.json
    titleLine: new RegExp(`(?:${title.subjectWords.join('|')})[^。，；,;]*(?:${title.reportWords.join('|')})(?:[(（][^()（）]{0,12}[)）])?$`),
    pageNumber: new RegExp(`^\\s*(?:${v.pageNumberLines.join('|')})\\s*$`),
    heading: new RegExp(`^[\\s\\u3000]*(?:${v.headingStarts.join('|')})`),
    // a line of the page's own details (发布时间：… 来源：… 字号：大 中 小), by the labels of src/vocabulary/page-chrome.json
    pageMeta: new RegExp(`^[\\s\\u3000]*(?:${vocabulary<{ crawlerHeader: string[] }>('page-chrome').crawlerHeader.join('|')})\\s*[:：]`, 'i'),
  };
  return compiled;
}

export interface NormalisedText {
  /** the text the parser reads */
  text: string;
  /** offset in the text as read of an offset in `text` */
  toRaw(offset: number): number;
}

interface Line {
  /** offset of the first character in the raw text */
  start: number;
  /** offset past the last character (before the line break) */
  end: number;
  /** offset past the line break */
  next: number;
  text: string;
}

function splitLines(raw: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    out.push({ start, end: m.index, next: m.index + m[0].length, text: raw.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: raw.length, next: raw.length, text: raw.slice(start) });
  return out;
}

/** The code of the last UTF-16 unit of `s` before white space at its end (`s.trimEnd().slice(-1)`); NaN when none. */
function lastUnit(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
  return i >= 0 ? s.charCodeAt(i) : NaN;
}

/** The code of the first UTF-16 unit of `s` after white space at its start (`s.trimStart()[0]`); NaN when none. */
function firstUnit(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i < s.length ? s.charCodeAt(i) : NaN;
}

/** Display width: Chinese characters and full-width forms count two. */
export function displayWidth(s: string): number {
  let w = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // a character outside the Basic Multilingual Plane (two code units) counts one
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    w += isCjkOrPunct(c) ? 2 : 1;
  }
  return w;
}

const isBlank = (s: string): boolean => /^[\s\u3000\u00a0]*$/.test(s);

/** A line ending with a telephone area code and its hyphen, and a line starting with the rest of the number. */
const WRAPPED_PHONE_END = /(?:^|[^\d-－])0\d{2,3}[-－]\s*$/;
const WRAPPED_PHONE_START = /^\s*\d{7,8}(?!\d)/;

/** A line that is figures only (a table row or one cell), never joined to prose. */
/** A line that ends with two figures or more set apart by white space, after a label: a table's row. */
const FIGURES_AT_END = /[^\s\d０-９.,，:：-]\s+[-+]?[\d０-９][\d０-９.,]*(?:\s+[-+]?[\d０-９][\d０-９.,]*)+\s*$/;
const FIGURES_ONLY = /^[\s\u3000]*[-+]?[\d０-９.,，．%％/／—－\-\s\u3000]+$/;
/** Markdown and table structure that starts a line, or cells separated inside it. */
const STRUCTURAL = /^[\s\u3000]*(?:[|#>`]|[-*+]\s|\d+[.)]\s|={3,}|-{3,}|\+[-=:]{3,}|<)|[|｜\t\u2500-\u257f]|\S(?: {2,}|\u3000{2,})\S/;

/** What foldWidth folds. */
const FOLDED = /[０-９Ａ-Ｚａ-ｚ％\u2e80-\u2fdf]/;
const FOLDED_ALL = new RegExp(FOLDED.source, 'g');

let radicalForms: Record<string, string> | undefined;

/**
 * Full-width digits, Latin letters and the per-cent sign, folded to ASCII; radicals that stand for
 * characters read as those characters (one character each, so positions do not move). Text taken
 * out of PDFs made from Word often has `⼀、总体情况` (KANGXI RADICAL ONE) or `⻔户网站`: the fonts map
 * the glyph to the radical. The Kangxi radicals are folded by Unicode's compatibility mapping, those
 * of the supplement by the vocabulary (`radicalForms` in src/vocabulary/layout.json).
 */
export function foldWidth(s: string): string {
  if (!FOLDED.test(s)) return s;
  return s.replace(FOLDED_ALL, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff00 ? String.fromCharCode(code - 0xfee0) : radical(c);
  });
}

function radical(c: string): string {
  if (c.charCodeAt(0) >= 0x2f00) {
    const n = c.normalize('NFKC');
    return n.length === 1 ? n : c;
  }
  radicalForms ??= vocabulary<LayoutVocabulary>('layout').radicalForms ?? {};
  return radicalForms[c] ?? c;
}

const RADICALS = /[\u2e80-\u2fdf]/g;

/** Radicals that stand for ordinary characters, read as those characters (one for one; see foldWidth). */
export function foldRadicals(s: string): string {
  return s.replace(RADICALS, radical);
}

/** The narrowest width `wrapWidth` finds a text wrapped at (a line narrower than four fifths of it fills none). */
const MIN_WRAP_WIDTH = 40;

/**
 * The width lines of a hard-wrapped text are wrapped at, or undefined when the text is not wrapped.
 * A wrapped text has many lines of nearly the same width that stop mid-sentence; a text copied out of
 * Word has a paragraph per line, of every length, ending with a full stop.
 */
function wrapWidth(lines: Line[]): number | undefined {
  const prose = lines.filter((l) => !STRUCTURAL.test(l.text)).map((l) => ({ w: displayWidth(l.text.trim()), t: l.text.trim() }));
  const widths = prose.map((p) => p.w).filter((w) => w >= 24);
  if (widths.length < 3) return undefined;
  const sorted = [...widths].sort((a, b) => a - b);
  const midSentence = (near: typeof prose): number => near.filter((p) => !/[。！？；：!?;:]$/.test(p.t)).length;
  // prose has commas inside its lines; a column of table labels has few
  const punctuated = (near: typeof prose): number => near.filter((p) => /[，、。；,]/.test(p.t.slice(0, -1))).length;
  const w = sorted[Math.floor(sorted.length * 0.8)]!;
  if (w > 200) return undefined;
  const near = prose.filter((p) => p.w >= w * 0.85 && p.w <= w + 6);
  if (widths.length >= 8 && w >= MIN_WRAP_WIDTH && near.length >= Math.max(8, widths.length * 0.35) && midSentence(near) >= near.length * 0.6 && punctuated(near) >= near.length * 0.5) return w;
  // a short text (a report taken out of a PDF whose figures are in its tables, a sentence or two a
  // part) has only a few lines that fill the width: three or more, the widest of the text, seven in
  // ten of them at least stopping mid-sentence (a text with a paragraph a line ends its long lines with a
  // full stop)
  const widest = sorted[sorted.length - 1]!;
  if (widest < MIN_WRAP_WIDTH || widest > 200) return undefined;
  const top = prose.filter((p) => p.w >= widest * 0.9);
  return top.length >= 3 && midSentence(top) >= top.length * 0.7 && punctuated(top) >= top.length * 0.5 ? widest : undefined;
}

/**
 * Lines that recur beside page numbers: running heads. A line counts when it is the nearest line before
 * or after at least half of the page numbers (two at least), and stands only there.
 */
function runningHeads(lines: Line[], pageLine: boolean[], heading: RegExp): Set<string> {
  const pages = pageLine.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
  const near = new Map<string, number>();
  const nearest = (from: number, step: number): string | undefined => {
    for (let i = from + step; i >= 0 && i < lines.length; i += step) {
      if (pageLine[i]) return undefined;
      const t = lines[i]!.text.trim();
      if (t) return t;
    }
    return undefined;
  };
  // a running head stands on the same side of every page number it goes with (a foot before, a head after)
  for (const p of pages) {
    for (const [side, t] of [['before', nearest(p, -1)], ['after', nearest(p, 1)]] as const) {
      // a section heading is never page chrome, even one that happens to stand by two page breaks;
      // nor is a line of a sentence (a running head is a title or a name: no comma, no full stop),
      // which a short text of repetitive prose may put by two page breaks
      if (!t || t.length < 6 || t.length > 60 || heading.test(t) || /[，。；！？]/.test(t)) continue;
      const key = `${side}\u0000${t}`;
      near.set(key, (near.get(key) ?? 0) + 1);
    }
  }
  const all = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    all.set(t, (all.get(t) ?? 0) + 1);
  }
  const heads = new Set<string>();
  for (const [key, n] of near) {
    const t = key.slice(key.indexOf('\u0000') + 1);
    if (n >= 2 && n >= pages.length * 0.5 && n === all.get(t)) heads.add(t);
  }
  return heads;
}

/**
 * Lines that a page repeats at its top: the header rows of a table, which a word processor prints
 * again atop each page the table runs onto, in text taken out of a PDF. Two consecutive lines or
 * more (blank lines aside) that repeat, white space aside, lines of the text before them (the header
 * atop the table's first page), where
 * - a page begins (a form feed, as pdftotext writes); or
 * - they break off rows of figures, the pages not marked (pdftotext -nopgbrk): no figure in them,
 *   lines with figures shortly before them and soon after them, figures soon after the lines they
 *   repeat too (a header of rows), and a line of them laid out in columns (a table given a cell a
 *   line repeats the headers of its parts cell by cell: 第二十条第（五）项 / 信息内容 / 本年处理决定数量
 *   / … / 第二十条第（六）项 / 信息内容 / 本年处理决定数量).
 * A row of the table would otherwise be cut from the rows after it by the header.
 */
/** How many places of a line repeatedHeaders keeps to compare its repeats with. */
const EARLIER_PLACES = 16;

function repeatedHeaders(lines: Line[], paged: boolean): Set<number> {
  const out = new Set<number>();
  const keys = lines.map((l) => l.text.replace(/[\s\u3000]+/g, ''));
  const nonBlank = keys.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
  const figures = nonBlank.map((i) => /[0-9０-９]/.test(keys[i]!));
  // (earlier places of each line, by its text)
  const seen = new Map<string, number[]>();
  const soon = (from: number): boolean => {
    for (let t = from; t < from + 10 && t < nonBlank.length; t++) if (figures[t]) return true;
    return false;
  };
  // (a header laid out in columns: a line of it holds cells set apart by runs of spaces; a table
  // given a cell a line repeats its parts' headers cell by cell)
  const laidOut = (n: number, m: number): boolean => {
    for (let t = n; t < n + m; t++) if (/\S(?: {2,}|\u3000{2,}|\t)\S/.test(lines[nonBlank[t]!]!.text)) return true;
    return false;
  };
  // (a line of a table drawn with rules, box-drawing characters or an ASCII grid's `|` and `+`: a line
  // repeated inside the drawing, with no page break, is the table's own (the form of table 2 repeats
  // its header in each part; a label wrapped in a narrow column repeats `| 信息公开 |`)
  const drawn = (t: number): boolean => /^[\s\u3000]*[\u2500-\u257f|+]/.test(lines[nonBlank[t]!]!.text);
  // (the last line with figures before the one looked at)
  let lastFigures = -Infinity;
  for (let n = 0; n < nonBlank.length; n++) {
    const key = keys[nonBlank[n]!]!;
    const earlier = seen.get(key);
    const pageTop = paged && lines[nonBlank[n]!]!.text.includes('\f');
    // (the page may break inside a label wrapped over lines after its figures)
    const breaksRows = !figures[n] && n - lastFigures <= 6;
    if (figures[n]) lastFigures = n;
    if (earlier && (pageTop || breaksRows)) {
      let longest = 0;
      for (const e of earlier) {
        let m = 0;
        while (e + m < n && n + m < nonBlank.length && keys[nonBlank[e + m]!] === keys[nonBlank[n + m]!] && (pageTop || !figures[n + m])) m++;
        if (m >= 2 && (pageTop || (soon(n + m) && soon(e + m) && laidOut(n, m) && !drawn(n)))) longest = Math.max(longest, m);
      }
      for (let t = 0; t < longest; t++) out.add(nonBlank[n + t]!);
    }
    // (a header is among the first places of its lines, and a page repeats it a few times: only the
    // first places are kept, so that a line the text holds thousands of times costs no more)
    if (!earlier) seen.set(key, [n]);
    else if (earlier.length < EARLIER_PLACES) earlier.push(n);
  }
  return out;
}

/** A short line without a comma (a title, a heading): a wrapped line is long. */
function short(line: string): boolean {
  // (a title set letter-spaced is as short as it reads)
  return !/[，,；;：:]/.test(line) && displayWidth(compactLetterSpacing(line.trim())) < 64;
}

/** Whether a line may continue the paragraph of the line before it (neither is a line of the page's own details: 发布时间：…). */
function continues(prev: string, next: string, heading: RegExp): boolean {
  if (isBlank(next) || STRUCTURAL.test(next) || STRUCTURAL.test(prev) || FIGURES_ONLY.test(next) || heading.test(next)) return false;
  const { pageMeta } = patterns();
  if (pageMeta.test(prev) || pageMeta.test(next)) return false;
  // a table's row set apart by single spaces (规章 0 0 0: text taken out of a PDF in the order it was written)
  if (FIGURES_AT_END.test(next) || FIGURES_AT_END.test(prev)) return false;
  const last = prev.trimEnd().slice(-1);
  if (/[。！？!?]/.test(last)) return false;
  // the report's title is a line of its own, however long (某某市人民政府政府信息公开工作年度报告（2024年）),
  // after a line of the page's too (当前位置：首页 » 信息公开年报 / 2016年政府信息公开工作年度报告)
  const { titleLine } = patterns();
  if (titleLine.test(prev.trimEnd()) || titleLine.test(next.trim())) return false;
  return true;
}

/** A table's row: a cell bar or a tab in the line (`continues` says so too, by STRUCTURAL; this is the cheap test first) */
function hasBar(s: string): boolean {
  return s.includes('|') || s.includes('｜') || s.includes('\t');
}

/** 。！？!? by character code: a line that ends so is continued by no line (see `continues`) */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/**
 * Whether a line fills the width its text is wrapped at (`width` gives it, 0 when the text is not
 * wrapped at a width; asked only for a line wide enough to fill any): a heading only when it fills the
 * line (a long heading wrapped), other lines four fifths of it.
 */
function fillsWidth(line: string, width: () => number): boolean {
  const w = displayWidth(line.trim());
  if (w < MIN_WRAP_WIDTH * 0.8) return false;
  const of = width();
  return of > 0 && w >= of * (patterns().heading.test(line) ? 0.95 : 0.8);
}

/** A line that ends inside a web or e-mail address (http://www.exa, xxgk@163.c). */
const ADDRESS_AT_END = /(?:https?:\/\/|www\.)[\w./?=&%#:~-]*$|[\w.+-]+@[\w.-]*$/i;

/**
 * Split a one-line dump at sentence ends and headings. A space that separates paragraphs (an
 * ordinary, ideographic or no-break space: a page's `&nbsp;` comes out of a crawler as U+00A0) becomes a
 * line break; where the dump ran paragraphs together without a space (`…规定。一、 概述2016年，…`), a
 * line break is inserted before the heading and after its title. The headings are those the model
 * finds inside a long line (`inlineHeadings`, one finder for both); one followed by figures that are
 * not a year (`一、本年新收政府信息公开申请数量 713000074`) is a table row and stays where it is.
 * Returns the split line and, per character, the offset in the line it stands for.
 */
function splitDump(line: string): { text: string; from: number[] } {
  const replace = new Set<number>();
  const insert = new Set<number>();
  // paragraphs: a space after the end of a sentence
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c !== ' ' && c !== '\u3000' && c !== '\u00a0') continue;
    if (/[。！？][”’」』）)]?$/.test(line.slice(Math.max(0, i - 3), i)) && /^\S/.test(line.slice(i + 1, i + 2))) replace.add(i);
  }
  for (const h of inlineHeadings(line)) {
    if (h.tableRow) continue;
    // a line of its own: the space before it becomes the break, or one is put in after the sentence end
    if (h.at > 0) {
      if (/[ \u3000\u00a0]/.test(line[h.at - 1]!)) replace.add(h.at - 1);
      else insert.add(h.at);
    }
    // its title a line of its own when body text runs on after it (a title that stops at punctuation
    // stays with what follows: 二、加强培训，…)
    const end = h.titleEnd;
    if (end === undefined || end >= line.length) continue;
    if (/[ \u3000\u00a0]/.test(line[end]!)) replace.add(end);
    else if (!/[\s。，；：、）)！？,;:!?”’]/.test(line[end]!)) insert.add(end);
  }
  let text = '';
  const from: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (insert.has(i)) {
      text += '\n';
      from.push(i);
    }
    text += replace.has(i) ? '\n' : line[i];
    from.push(i);
  }
  return { text, from };
}

/**
 * Normalise a text document (plain text or Markdown). Returns the input itself, unchanged, when
 * there is nothing to do.
 */
export function normaliseText(raw: string, kind: 'text' | 'markdown'): NormalisedText {
  const { pageNumber, heading } = patterns();
  let lines = splitLines(raw);

  // a crawler's dump: one line holds most of the text
  const longest = lines.reduce((a, l) => (l.text.length > a.text.length ? l : a), lines[0]!);
  let dumped = raw;
  // offset in raw of an offset in dumped
  let fromDump = (o: number): number => o;
  // (a dump has sentences; a table laid out on one line has hardly any)
  if (kind === 'text' && longest.text.length > 1500 && longest.text.length > raw.length * 0.5 && (longest.text.match(/[。！？]/g) ?? []).length >= 5) {
    const split = splitDump(longest.text);
    if (split.text !== longest.text) {
      dumped = raw.slice(0, longest.start) + split.text + raw.slice(longest.end);
      const a = longest.start;
      const b = a + split.text.length;
      const shift = split.text.length - longest.text.length;
      fromDump = (o) => (o < a ? o : o < b ? a + split.from[o - a]! : o - shift);
      lines = splitLines(dumped);
    }
  }

  // (the per-line flags are built in loops, not with map: V8's optimised map makes arrays of another
  // elements kind than the interpreter's, and this function, optimised for the one, was thrown
  // away on meeting the other)
  const pageLine: boolean[] = [];
  let anyPageLine = false;
  for (const l of lines) {
    const p = pageNumber.test(l.text);
    pageLine.push(p);
    anyPageLine ||= p;
  }
  const heads = anyPageLine ? runningHeads(lines, pageLine, heading) : new Set<string>();
  const repeated = kind === 'text' ? repeatedHeaders(lines, raw.includes('\f')) : undefined;
  const dropped: boolean[] = [];
  for (let i = 0; i < lines.length; i++) dropped.push(pageLine[i]! || (heads.size > 0 && heads.has(lines[i]!.text.trim())) || (repeated?.has(i) ?? false));

  // double spacing: a blank line after nearly every line is not a paragraph break
  const blank: boolean[] = [];
  let nonBlank = 0;
  for (const l of lines) {
    const b = isBlank(l.text);
    blank.push(b);
    if (!b) nonBlank++;
  }
  let single = 0;
  for (let i = 0; i + 2 < lines.length; i++) if (!blank[i] && blank[i + 1] && !blank[i + 2]) single++;
  const doubleSpaced = nonBlank >= 10 && single >= nonBlank * 0.6;

  // the width a text is wrapped at: plain text's at once, Markdown's when a short line might be a wrapped one
  const kept = (): Line[] => lines.filter((_, i) => !dropped[i]);
  let width = kind === 'text' ? wrapWidth(kept()) : undefined;

  // which lines are joined to the line before them: decided first, since most texts have none and
  // are then left as they are, without being copied
  const joined: boolean[] = [];
  let anyJoin = false;
  let prev = -1; // the last kept, non-blank line
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    joined.push(false);
    if (dropped[i] || blank[i]) continue;
    let join = false;
    if (prev >= 0) {
      const open = lines[prev]!.text;
      // blank lines between; a page break (a dropped page number) may bring its own blank lines
      // (each dropped line — page number, running head — may stand between blank lines of its own)
      let blanks = 0;
      let chrome = 0;
      for (let k = prev + 1; k < i; k++) {
        if (dropped[k]) chrome++;
        else blanks++;
      }
      const soft = blanks <= (doubleSpaced ? 1 : 0) + 2 * chrome;
      if (soft && kind === 'markdown') {
        // a short line without a comma (a title, a heading) ends there: a wrapped line is long
        // (the tests of single characters first: most lines end with a full stop)
        // (a figure or a date may be what the line broke in: 内容5 / 2条, 2024年 / 12月31日); a text
        // wrapped narrower (28 characters a line, as official documents are set) joins the lines that
        // fill its width, as plain text does
        const a = lastUnit(open);
        const z = firstUnit(l.text);
        join =
          blanks === 0 &&
          (isCjkOrPunct(a) || isDigit(a)) &&
          !endsSentence(a) &&
          (isCjkOrPunct(z) || isDigit(z)) &&
          !hasBar(open) &&
          !hasBar(l.text) &&
          (!short(open) || fillsWidth(open, () => (width ??= wrapWidth(kept()) ?? 0))) &&
          continues(open, l.text, heading);
      } else if (soft && width !== undefined) {
        const of = width;
        join = fillsWidth(open, () => of) && continues(open, l.text, heading);
      }
    }
    // a telephone number wrapped after its area code's hyphen (`电话：0512-` / `12345678）`), however
    // the text is wrapped: no line ends with an area code and its hyphen otherwise
    if (!join && prev >= 0 && i === prev + 1 && WRAPPED_PHONE_END.test(lines[prev]!.text) && WRAPPED_PHONE_START.test(l.text)) join = true;
    if (join) joined[i] = anyJoin = true;
    prev = i;
  }

  // nothing dropped, joined or split: the text as it is (all of it, from the first line to the last)
  const b = dumped === raw && !anyJoin && prev >= 0 && !dropped.some(Boolean) ? { text: raw, segs: [{ t: 0, s: 0, len: raw.length }] } : new MappedTextBuilder();
  if (b instanceof MappedTextBuilder) {
    prev = -1;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (dropped[i] || blank[i]) continue;
      if (joined[i]) {
        const p = lines[prev]!;
        const first = l.text.length - l.text.trimStart().length;
        // Latin words wrapped apart keep one space: the line break stands for it (not in a web or
        // e-mail address wrapped at the end of its line: http://ww / w.example.gov.cn)
        if (/[A-Za-z0-9]/.test(p.text.trimEnd().slice(-1)) && /[A-Za-z]/.test(l.text[first] ?? '') && !ADDRESS_AT_END.test(p.text.trimEnd())) b.copy(' ', p.end);
        b.copy(l.text.slice(first), l.start + first);
      } else {
        // the line breaks and blank lines between, as they were, less dropped lines
        if (prev >= 0) b.copy(dumped.slice(lines[prev]!.end, lines[prev]!.next), lines[prev]!.end);
        for (let k = prev + 1; k < i; k++) {
          if (dropped[k]) continue;
          b.copy(dumped.slice(lines[k]!.start, lines[k]!.next), lines[k]!.start);
        }
        b.copy(l.text, l.start);
      }
      prev = i;
    }
    // what follows the last line (final line break, trailing blank lines), less dropped lines
    if (prev >= 0) {
      b.copy(dumped.slice(lines[prev]!.end, lines[prev]!.next), lines[prev]!.end);
      for (let k = prev + 1; k < lines.length; k++) if (!dropped[k]) b.copy(dumped.slice(lines[k]!.start, lines[k]!.next), lines[k]!.start);
    }
  }

  const text = foldSpaces(b);
  if (text.text === raw) return { text: raw, toRaw: (o) => o };
  const mapped = new MappedText(text.text, text.segs);
  return { text: text.text, toRaw: (o) => fromDump(mapped.toSource(o)) };
}

/**
 * Remove a space between a Chinese character and a number inside a sentence (`2024 年 1 月`, `第 711 号`),
 * and fold full-width forms. A number between spaces next to other numbers (table columns) keeps them.
 * Characters that show nothing and the spaces of letter-spaced words (src/util/letter-spacing.ts) are
 * removed too, and full stops typed as Latin ones read as 。 (src/util/sentence-stops.ts).
 */
function foldSpaces(b: { text: string; segs: Segment[] }): { text: string; segs: Segment[] } {
  const unit = (unitsAfter ??= new RegExp(`^(?:${vocabulary<LayoutVocabulary>('layout').unitsAfterNumbers.join('|')})`));
  // (full stops typed as Latin ones made 。 first: one character for one, so the segments still hold)
  const src = withSentenceStops(b.text);
  // the spaces to remove: for each, where the text before it ends and where the text after it starts
  const cuts: number[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    // a number starts with a digit: go straight to the next one
    while (i < n && !isDigit(src.charCodeAt(i))) i++;
    if (i >= n) break;
    if (i > 0 && isNumberChar(src.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    const start = i;
    // the number: a digit, then digits and separators ([0-9０-９][0-9０-９.,．]*)
    let stop = i + 1;
    while (stop < n && isNumberChar(src.charCodeAt(stop))) stop++;
    // a number does not end with its point: `1.属于国家秘密` is a list item
    let end = stop;
    while (end > start && isSeparator(src.charCodeAt(end - 1))) end--;
    i = end;
    const spaceBefore = src.charCodeAt(start - 1) === 32 && (isCjkOrPunct(src.charCodeAt(start - 2)) || start === 1 || src.charCodeAt(start - 2) === 10);
    // a number that opens a line (`2024 年，我市…`) counts as touching what comes before
    const touchBefore = isCjkOrPunct(src.charCodeAt(start - 1)) || start === 0 || src.charCodeAt(start - 1) === 10;
    if (!spaceBefore && !touchBefore) continue;
    // only a number with its unit is inside a sentence (`3119 件`, `2024 年`); a figure before a label is a table cell
    const spaceAfter = src.charCodeAt(end) === 32 && unit.test(src.slice(end + 1, end + 3));
    if (!spaceBefore && !spaceAfter) continue;
    if (spaceAfter || unit.test(src.slice(end, end + 2))) {
      if (spaceBefore) cuts.push(start - 1, start);
      if (spaceAfter) cuts.push(end, end + 1);
    }
  }
  // characters that show nothing (a web page's zero-width spaces, &#8203; after every 。, soft
  // hyphens), and the spaces of words set letter-spaced: cut too, as a reader sees the text without them
  for (const m of src.matchAll(INVISIBLE)) cuts.push(m.index, m.index + m[0].length);
  letterSpacedCuts(src, cuts);
  // (each kind's cuts come in order: sorted, and those that overlap made one, only when the kinds cross)
  if (!inOrder(cuts)) sortCuts(cuts);
  // nothing to remove and nothing to fold: the text as it is
  if (!cuts.length && !FOLDED.test(src)) return src === b.text ? b : { text: src, segs: b.segs };

  const mapped = new MappedText(src, b.segs);
  const out = new MappedTextBuilder();
  let copyFrom = 0;
  const flush = (to: number): void => {
    if (to > copyFrom) {
      const piece = src.slice(copyFrom, to);
      // pieces are copied character by character so folded characters map to their source
      let k = 0;
      while (k < piece.length) {
        const raw = mapped.toSource(copyFrom + k);
        let n = 1;
        for (;;) {
          // the rest of a segment maps one to one: skip to its end, then look across to the next
          n = Math.max(n, Math.min(piece.length - k, mapped.linearEnd(copyFrom + k + n - 1) - (copyFrom + k)));
          if (k + n < piece.length && mapped.toSource(copyFrom + k + n) === raw + n) n++;
          else break;
        }
        out.copy(foldWidth(piece.slice(k, k + n)), raw);
        k += n;
      }
    }
    copyFrom = to;
  };
  for (let c = 0; c < cuts.length; c += 2) {
    flush(cuts[c]!);
    copyFrom = cuts[c + 1]!;
  }
  flush(src.length);
  return { text: out.text, segs: out.segs };
}

/** Whether cuts (start, end pairs) come in order, each after the one before without touching it. */
function inOrder(cuts: readonly number[]): boolean {
  for (let c = 2; c < cuts.length; c += 2) if (cuts[c]! <= cuts[c - 1]!) return false;
  return true;
}

/** Cuts (start, end pairs) in order, those that touch or overlap made one. */
function sortCuts(cuts: number[]): void {
  const pairs: [number, number][] = [];
  for (let c = 0; c < cuts.length; c += 2) pairs.push([cuts[c]!, cuts[c + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  cuts.length = 0;
  for (const [from, to] of pairs) {
    if (cuts.length && from <= cuts[cuts.length - 1]!) cuts[cuts.length - 1] = Math.max(cuts[cuts.length - 1]!, to);
    else cuts.push(from, to);
  }
}

/** zero-width space, non-joiner, joiner, word joiner, zero-width no-break space (a BOM inside the text), soft hyphen */
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]+/g;

/** What may follow a number inside a sentence, compiled once (see LayoutVocabulary). */
let unitsAfter: RegExp | undefined;

/** [0-9０-９] */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** [.,．] */
function isSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0xff0e;
}

/** [0-9０-９.,．] */
function isNumberChar(c: number): boolean {
  return isDigit(c) || isSeparator(c);
}

/** [\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·] by character code (NaN, past either end of the text, is none). */
function isCjkOrPunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026 || c === 0xb7
  );
}
