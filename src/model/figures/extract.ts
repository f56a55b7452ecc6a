/**
 * Figures in prose: a number with its unit, the words it counts, whether it is hedged, and where
 * it stands. Years, dates, document numbers (〔2019〕60号), article numbers (第二十条), ordinals,
 * phone numbers and codes are not figures: they either carry no unit of quantity or are marked
 * as ordinals by 第.
 */
import type { Block } from '../types.js';
import { chineseNumber, toHalfWidth } from '../numerals.js';
import { readNumbering } from '../numbering.js';
import { vocabulary } from '../../config/vocabulary.js';
import { isPageNumberLine } from '../page-chrome.js';
import type { Approximation, Figure, UnitClass } from './types.js';
import { memoised } from '../../util/memo.js';
import { execAll } from '../../util/exec-all.js';
import { ReportScoped } from '../../util/report-scoped.js';

interface FiguresVocabulary {
  units: { unit: string; class: UnitClass; as?: string; scale?: number; notBefore?: string }[];
  approximate: { before: Partial<Record<Approximation, string[]>>; after: Partial<Record<Approximation, string[]>> };
  subjectLead: string[];
  subjectTrail: string[];
}

interface FiguresWording {
  units: Map<string, FiguresVocabulary['units'][number]>;
  /**
   * number, optional 万/亿 multiplier (not the 万 of 万元/万人次), optional 余/多, optional space, unit
   * (groups 1–4, by number: named groups cost an object per match, and most text has many)
   */
  figure: RegExp;
  /** units that never follow a number when it counts (3个月, 15个工作日 are durations) */
  notAfterUnit: Map<string, RegExp>;
  approxBefore: [RegExp, Approximation][];
  approxAfter: [RegExp, Approximation][];
  lead: RegExp;
  trail: RegExp;
}

let wording: FiguresWording | undefined;

/** The wording of figures (`src/vocabulary/figures.json`), compiled once. */
function figuresWording(): FiguresWording {
  if (wording) return wording;
  const v = vocabulary<FiguresVocabulary>('figures');
  const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hedges = (h: FiguresVocabulary['approximate']['before'], re: (alt: string) => RegExp): [RegExp, Approximation][] =>
    Object.entries(h).map(([k, ws]) => [re(ws!.join('|')), k as Approximation]);
  wording = {
    units: new Map(v.units.map((u) => [u.unit, u])),
    figure: new RegExp(
      `(${ARABIC}|${CHINESE})([万亿](?!元|人次))?(余|多)?[ \\u00a0\\u3000]?(${v.units.map((u) => esc(u.unit)).join('|')})?`,
      'gu',
    ),
    notAfterUnit: new Map(v.units.filter((u) => u.notBefore).map((u) => [u.unit, new RegExp(`^(?:${u.notBefore!})`, 'u')])),
    approxBefore: hedges(v.approximate.before, (alt) => new RegExp(`(?:${alt})$`, 'u')),
    approxAfter: hedges(v.approximate.after, (alt) => new RegExp(`^(?:${alt})`, 'u')),
    lead: new RegExp(`^(?:${v.subjectLead.join('|')})+`, 'u'),
    trail: new RegExp(`(?:${v.subjectTrail.join('|')})+$`, 'u'),
  };
  return wording;
}

const ARABIC = '[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?';
const CHINESE = '[零〇一二两三四五六七八九十百千万亿]+';

const PERCENT_WORDS_RE = /百分之(?<num>[零〇一二两三四五六七八九十百]+)/gu;

/** Characters after which a number is part of a code, a phone number, a URL or an ordinal. */
const CODE_BEFORE = /[A-Za-z0-9０-９_\-—–.．@/:：#〔[【第每逐]$/;
const CODE_AFTER = /^[A-Za-z@_\-—–/〕\]】]/;
/** A Chinese numeral glued to these is part of a word (统一, 同一, 唯一, 之一, 上一篇). */
const CN_WORD_BEFORE = /[统同唯单之任万逐专划归上下]$/;

/** Longest subject kept, in characters. */
const MAX_SUBJECT = 60;

export const CLAUSE_BREAK = /[。！？!?；;，,：:\n]/;
export const SENTENCE_END = /[。！？!?]/;
export const OPEN_PAREN = /[（(]/;
export const CLOSE_PAREN = /[）)]/;

// The same classes by character code, for the loops that walk a text one character at a time.
/** CLAUSE_BREAK: 。！？!?；;，,：: and a line break */
function isClauseBreak(c: number): boolean {
  return (
    c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b ||
    c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a || c === 0x0a
  );
}
/** OPEN_PAREN: （ ( */
function isOpenParen(c: number): boolean {
  return c === 0xff08 || c === 0x28;
}
/** CLOSE_PAREN: ） ) */
function isCloseParen(c: number): boolean {
  return c === 0xff09 || c === 0x29;
}
/** 、 */
const ENUM_COMMA = 0x3001;

/** A subject's core words, remembered by subject: the same words recur in every report (and every figure of a list). */
export const coreSubject: (subject: string) => string = memoised((subject: string) => coreSubjectOnce(subject));

function coreSubjectOnce(subject: string): string {
  const { lead, trail } = figuresWording();
  let s = subject.replace(/[“”"「」『』]/g, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(lead, '').replace(trail, '');
    if (s === before) break;
  }
  return s;
}

/** Index of the start of the subject: back to a clause break, skipping balanced parentheses. */
function subjectStart(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (isCloseParen(c)) {
      let depth = 1;
      let k = i - 2;
      while (k >= floor && depth > 0) {
        const d = text.charCodeAt(k);
        if (isCloseParen(d)) depth++;
        else if (isOpenParen(d)) depth--;
        k--;
      }
      if (depth > 0) return i;
      i = k + 1;
      continue;
    }
    if (isOpenParen(c) || isClauseBreak(c) || c === ENUM_COMMA) return i;
    i--;
  }
  return floor;
}

function objectAfter(text: string, from: number): string {
  let j = from;
  for (; j < text.length && j - from < 16; j++) {
    const c = text.charCodeAt(j);
    if (isClauseBreak(c) || isOpenParen(c) || c === ENUM_COMMA) break;
  }
  return text.slice(from, j);
}

/** Only the ASCII digits 0–9. */
function asciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return s.length > 0;
}

function numberValue(raw: string): { value: number; decimals: number; numeral: 'arabic' | 'chinese' } {
  // plain digits, most figures: nothing to convert
  if (asciiDigits(raw)) return { value: Number(raw), decimals: 0, numeral: 'arabic' };
  const h = toHalfWidth(raw).replace(/．/g, '.').replace(/,/g, '');
  if (/^[0-9.]+$/.test(h)) {
    const dot = h.indexOf('.');
    return { value: Number(h), decimals: dot < 0 ? 0 : h.length - dot - 1, numeral: 'arabic' };
  }
  return { value: chineseNumber(raw), decimals: 0, numeral: 'chinese' };
}

/** Sentence and clause counters at every offset of a text. */
export function positions(text: string): { sentence: Int32Array; clause: Int32Array; depth: Int32Array } {
  const sentence = new Int32Array(text.length + 1);
  const clause = new Int32Array(text.length + 1);
  const depth = new Int32Array(text.length + 1);
  let s = 0;
  let c = 0;
  let d = 0;
  // (character codes of OPEN_PAREN, CLOSE_PAREN, SENTENCE_END and CLAUSE_BREAK: this runs over every character of the prose)
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0xff08 || ch === 0x28) d++;
    sentence[i] = s;
    clause[i] = c;
    depth[i] = d;
    if (ch === 0xff09 || ch === 0x29) d = Math.max(0, d - 1);
    else if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f || ch === 0x21 || ch === 0x3f || ch === 0x0a) {
      s++;
      c++;
    } else if (ch === 0xff1b || ch === 0x3b || ch === 0xff0c || ch === 0x2c || ch === 0xff1a || ch === 0x3a) c++;
  }
  sentence[text.length] = s;
  clause[text.length] = c;
  depth[text.length] = d;
  return { sentence, clause, depth };
}

type Positions = ReturnType<typeof positions>;
const positionCache = new ReportScoped<Block['text'], Positions>();

/** `positions` of a block's text, computed once per text (figures and lists both read them). */
export function positionsOf(text: Block['text']): Positions {
  let p = positionCache.get(text);
  if (!p) positionCache.set(text, (p = positions(text.text)));
  return p;
}

const sentenceCache = new ReportScoped<Block, { start: number; end: number }[]>();

/** The sentences of a block, as `positions` counts them (ended by 。！？ or a line break). */
export function blockSentences(b: Block): { start: number; end: number }[] {
  let out = sentenceCache.get(b);
  if (out) return out;
  out = [];
  const t = b.text.text;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    // SENTENCE_END (。！？!?) or a line break, by character code
    const ch = t.charCodeAt(i);
    if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f || ch === 0x21 || ch === 0x3f || ch === 0x0a) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: t.length });
  sentenceCache.set(b, out);
  return out;
}

/** A unit that counts things (not a percentage, not a bare number). */
export function isCount(c: UnitClass): boolean {
  return c !== 'percent' && c !== 'points' && c !== 'none';
}

/** Blocks whose text is prose (tables have their own model). */
export function isProse(b: Block): boolean {
  return b.type === 'paragraph' || b.type === 'heading' || b.type === 'list-item';
}

/** Every figure in the prose blocks, in document order. */
export function extractFigures(blocks: Block[]): Figure[] {
  const out: Figure[] = [];
  let prev: Block | undefined;
  for (const b of blocks) {
    if (!isProse(b)) {
      prev = undefined;
      continue;
    }
    // a page number between two lines of a wrapped paragraph (- 2 -, — 6 —) is passed over
    if (isPageNumberLine(b.text.text)) continue;
    const carried = prev ? wrappedTail(prev) : '';
    for (const f of blockFigures(b)) {
      // a line broken inside a clause (…共受理 / 3119件): the subject begins on the line before
      if (carried && f.subject === b.text.text.slice(0, f.start).trim()) {
        const subject = (carried + f.subject).slice(-MAX_SUBJECT);
        out.push({ ...f, subject, core: coreSubject(subject), index: out.length });
      } else out.push({ ...f, index: out.length });
    }
    prev = b;
  }
  return out;
}

/** The words a line ends with when it is cut inside a clause (hard-wrapped text), else ''. */
function wrappedTail(b: Block): string {
  if (b.type === 'heading') return '';
  const t = b.text.text.trimEnd();
  if (t.length === 0 || isClauseBreak(t.charCodeAt(t.length - 1)) || isCloseParen(t.charCodeAt(t.length - 1))) return '';
  // a numbered line without a full stop is a heading (三、政府信息依申请公开情况)
  if (readNumbering(t) && !/[。；;]/u.test(t)) return '';
  let i = t.length;
  for (; i > 0; i--) {
    const c = t.charCodeAt(i - 1);
    if (isClauseBreak(c) || isOpenParen(c) || isCloseParen(c) || c === ENUM_COMMA) break;
  }
  const tail = t.slice(i).trim();
  // a number at the end of the line belongs to a figure of its own
  return /[0-9０-９]\s*$/u.test(tail) ? '' : tail;
}

/** `s` without the spaces (ordinary, no-break, ideographic) it ends with. */
function trimSpacesEnd(s: string): string {
  let n = s.length;
  while (n > 0) {
    const c = s.charCodeAt(n - 1);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x3000) break;
    n--;
  }
  return n === s.length ? s : s.slice(0, n);
}

/** . or ． */
function isDot(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function blockFigures(b: Block): Omit<Figure, 'index'>[] {
  const mt = b.text;
  const text = mt.text;
  const lead = readNumbering(text)?.length ?? 0;
  // (computed on the first figure found: most lines have none)
  let pos: Positions | undefined;
  const found: Omit<Figure, 'index'>[] = [];
  let lastEnd = lead;

  const push = (
    start: number,
    numStart: number,
    numEnd: number,
    end: number,
    num: { value: number; decimals: number; numeral: 'arabic' | 'chinese' },
    numberText: string,
    unit: string | undefined,
    unitClass: UnitClass,
    approx: Approximation | undefined,
  ): void => {
    // the words that say what is counted are near the number; a run-on clause is cut
    const sStart = subjectStart(text, start, Math.max(lastEnd, lead, start - MAX_SUBJECT));
    const subject = text.slice(sStart, start).trim();
    pos ??= positionsOf(mt);
    found.push({
      value: num.value,
      decimals: num.decimals,
      unit,
      unitClass,
      numberText,
      numeral: num.numeral,
      approx,
      subject,
      core: coreSubject(subject),
      object: objectAfter(text, end),
      range: mt.range(start, end),
      numberRange: mt.range(numStart, numEnd),
      block: b.index,
      start,
      end,
      sentence: pos.sentence[numStart]!,
      clause: pos.clause[numStart]!,
      parenDepth: pos.depth[numStart]!,
    });
    lastEnd = end;
  };

  const w = figuresWording();
  // (exec on the one compiled expression: matchAll would copy it for every block)
  const figureRe = w.figure;
  figureRe.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = figureRe.exec(text))) {
    const mult = m[2];
    const approxWord = m[3];
    const numStart = m.index;
    if (numStart < lead) continue;
    const numText = m[1]!;
    const isArabic = /^[0-9０-９]/.test(numText);
    // (a Chinese numeral with no unit is no figure: the common case, 进一步 and 统一, is passed over first)
    if (!isArabic && !m[4]) continue;
    const before = text.slice(Math.max(0, numStart - 4), numStart);
    const end0 = numStart + m[0].length;
    if (CODE_BEFORE.test(trimSpacesEnd(before)) || CODE_AFTER.test(text.slice(end0, end0 + 1))) continue;
    // a dot right after the number and a digit after that (a version or section number, 1.2.3)
    if (isArabic && isDot(text.charCodeAt(numStart + numText.length)) && isAsciiDigit(text.charCodeAt(numStart + numText.length + 1))) continue;
    let unit = m[4];
    if (!isArabic) {
      if (!unit) continue;
      if (CN_WORD_BEFORE.test(before)) continue;
      if (!Number.isFinite(chineseNumber(numText))) continue;
    }
    if (unit && w.notAfterUnit.get(unit)?.test(text.slice(end0))) continue;
    const num = numberValue(numText);
    if (!Number.isFinite(num.value)) continue;
    let value = num.value;
    if (mult === '万') value *= 1e4;
    if (mult === '亿') value *= 1e8;
    let unitClass: UnitClass;
    if (unit) {
      const u = w.units.get(unit);
      if (u?.scale) value *= u.scale;
      unitClass = u?.class ?? 'other';
      if (u?.as) unit = u.as;
    } else {
      // a bare number is kept only as a list item: glued to a word, followed by a list separator
      if (!isArabic || num.decimals > 0 || numText.length > 4 || mult || approxWord) continue;
      const prev = before.slice(-1);
      if (!/[\u4e00-\u9fff]/.test(prev)) continue;
      if (!/^[、，,；;。]/.test(text.slice(end0))) continue;
      unitClass = 'none';
    }
    let approx: Approximation | undefined = approxWord ? 'more' : undefined;
    let start = numStart;
    let end = end0;
    const pre = text.slice(Math.max(lastEnd, numStart - 4), numStart);
    for (const [re, a] of w.approxBefore) {
      const am = re.exec(pre);
      if (am) {
        approx ??= a;
        start = numStart - am[0].length;
        break;
      }
    }
    const post = text.slice(end, end + 2);
    for (const [re, a] of w.approxAfter) {
      const am = re.exec(post);
      if (am && !(am[0] === '多' && unitClass === 'none')) {
        approx ??= a;
        end += am[0].length;
        break;
      }
    }
    if (unitClass === 'none') end = end0;
    // a number right after another one's unit, with no word between, is not counted twice
    push(start, numStart, numStart + numText.length, end, { ...num, value }, numText, unit, unitClass, approx);
  }

  for (const m of text.includes('百分之') ? execAll(PERCENT_WORDS_RE, text) : []) {
    const numStart = m.index;
    const v = chineseNumber(m.groups!.num!);
    if (!Number.isFinite(v) || found.some((f) => f.start <= numStart && f.end > numStart)) continue;
    const end = numStart + m[0].length;
    const saveLast = lastEnd;
    lastEnd = lead;
    for (const f of found) if (f.end <= numStart && f.end > lastEnd) lastEnd = f.end;
    push(numStart, numStart, end, end, { value: v, decimals: 0, numeral: 'chinese' }, m[0], '%', 'percent', undefined);
    lastEnd = saveLast;
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}
