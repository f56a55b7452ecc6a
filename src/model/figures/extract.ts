/**
 * Figures in prose: a number with its unit, the words it counts, whether it is hedged, and where
 * it stands. Years, dates, document numbers (〔2019〕60号), article numbers (第二十条), ordinals,
 * phone numbers and codes are not figures: they either carry no unit of quantity or are marked
 * as ordinals by 第.
 */
import type { Block } from '../types.js';
import { chineseNumber, toHalfWidth } from '../numerals.js';
import { readNumbering } from '../numbering.js';
import type { Approximation, Figure, UnitClass } from './types.js';

const UNIT_CLASS: Record<string, UnitClass> = {
  件: 'item', 条: 'item', 篇: 'item', 项: 'item', 份: 'item', 则: 'item', 宗: 'item', 个: 'item',
  人: 'person', 名: 'person', 位: 'person',
  人次: 'visit', 次: 'times', 场: 'event', 期: 'issue',
  元: 'money', 万元: 'money', 亿元: 'money',
  '%': 'percent', 个百分点: 'points',
  家: 'other', 户: 'other', 起: 'other', 批: 'other', 块: 'other',
};

/** Units, longest first so that 人次 wins over 人 and 万元 over 元. */
const UNIT_SRC = '个百分点|万人次|人次|万元|亿元|元|%|％|件|条|篇|项|份|则|宗|个|次|场|期|人|名|位|家|户|起|批|块';

const ARABIC = '[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?';
const CHINESE = '[零〇一二两三四五六七八九十百千万亿]+';

/**
 * number, optional 万/亿 multiplier (not the 万 of 万元/万人次), optional 余/多, optional space, unit.
 * The unit is optional so that bare list items (意见征集3、) can be seen; they are kept only
 * where a list item stands.
 */
const FIGURE_RE = new RegExp(
  `(?<num>${ARABIC}|${CHINESE})(?<mult>[万亿](?!元|人次))?(?<approx>余|多)?[ \\u00a0\\u3000]?(?<unit>${UNIT_SRC})?`,
  'gu',
);
const PERCENT_WORDS_RE = /百分之(?<num>[零〇一二两三四五六七八九十百]+)/gu;

/** Units that never follow a number when it counts (3个月, 15个工作日 are durations). */
const NOT_AFTER_UNIT: Record<string, RegExp> = {
  个: /^(?:月|工作日|小时|星期|季度)/,
  次: /^(?:会议|常务会议)/,
  位: /^一体/,
};

/** Characters after which a number is part of a code, a phone number, a URL or an ordinal. */
const CODE_BEFORE = /[A-Za-z0-9０-９_\-—–.．@/:：#〔[【第每逐]$/;
const CODE_AFTER = /^[A-Za-z@_\-—–/〕\]】]/;
/** A Chinese numeral glued to these is part of a word (统一, 同一, 唯一, 之一, 上一篇). */
const CN_WORD_BEFORE = /[统同唯单之任万逐专划归上下]$/;

const APPROX_BEFORE: [RegExp, Approximation][] = [
  [/(?:大约|约为|约)$/, 'about'],
  [/(?:将近|接近|近)$/, 'nearly'],
  [/(?:超过|多达|逾|超)$/, 'over'],
];
const APPROX_AFTER: [RegExp, Approximation][] = [
  [/^以上/, 'over'],
  [/^(?:有余|多)/, 'more'],
  [/^左右/, 'about'],
];

/** Longest subject kept, in characters. */
const MAX_SUBJECT = 60;

export const CLAUSE_BREAK = /[。！？!?；;，,：:\n]/;
export const SENTENCE_END = /[。！？!?]/;
export const OPEN_PAREN = /[（(]/;
export const CLOSE_PAREN = /[）)]/;

/** Words before a subject that say nothing about what is counted. */
const LEAD_RE =
  /^(?:[、\s]|其中|包括|主要有|分别为|分别是|另有|另|以及|及|和|与|并|共计|共|合计|总计|累计|全年|年内|本年度?|今年|当年|[0-9]{4}年度?|(?:我|本)(?:局|镇|乡|委|办|区|县|市|街道|单位|部|厅|中心|机关|院|署)?(?:在|共)?|全(?:局|镇|乡|委|区|县|市|街道|单位|部|厅|年度?)|在)+/u;
/** Words after a subject that only introduce the quantity. */
const TRAIL_RE = /(?:共计|共有|共|合计|总计|累计|计|达到|达|为|有|约|近|超过|了|总数|数量|数)+$/u;

export function coreSubject(subject: string): string {
  let s = subject.replace(/[“”"「」『』]/g, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEAD_RE, '').replace(TRAIL_RE, '');
    if (s === before) break;
  }
  return s;
}

/** Index of the start of the subject: back to a clause break, skipping balanced parentheses. */
function subjectStart(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor) {
    const c = text[i - 1]!;
    if (CLOSE_PAREN.test(c)) {
      let depth = 1;
      let k = i - 2;
      while (k >= floor && depth > 0) {
        if (CLOSE_PAREN.test(text[k]!)) depth++;
        else if (OPEN_PAREN.test(text[k]!)) depth--;
        k--;
      }
      if (depth > 0) return i;
      i = k + 1;
      continue;
    }
    if (OPEN_PAREN.test(c) || CLAUSE_BREAK.test(c) || c === '、') return i;
    i--;
  }
  return floor;
}

function objectAfter(text: string, from: number): string {
  let j = from;
  while (j < text.length && j - from < 16 && !CLAUSE_BREAK.test(text[j]!) && !OPEN_PAREN.test(text[j]!) && text[j] !== '、') j++;
  return text.slice(from, j);
}

function numberValue(raw: string): { value: number; decimals: number; numeral: 'arabic' | 'chinese' } {
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

const sentenceCache = new WeakMap<Block, { start: number; end: number }[]>();

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
    if (PAGE_NUMBER_RE.test(b.text.text)) continue;
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

/** A line that is only a page number: - 2 -, — 6 —, 第3页. */
export const PAGE_NUMBER_RE = /^\s*(?:[-—–－]+\s*[0-9０-９]+\s*[-—–－]+|第\s*[0-9０-９]+\s*页(?:\s*共\s*[0-9０-９]+\s*页)?)\s*$/u;

/** The words a line ends with when it is cut inside a clause (hard-wrapped text), else ''. */
function wrappedTail(b: Block): string {
  const t = b.text.text.trimEnd();
  if (t.length === 0 || CLAUSE_BREAK.test(t[t.length - 1]!) || CLOSE_PAREN.test(t[t.length - 1]!) || b.type === 'heading') return '';
  // a numbered line without a full stop is a heading (三、政府信息依申请公开情况)
  if (readNumbering(t) && !/[。；;]/u.test(t)) return '';
  let i = t.length;
  while (i > 0 && !CLAUSE_BREAK.test(t[i - 1]!) && !OPEN_PAREN.test(t[i - 1]!) && !CLOSE_PAREN.test(t[i - 1]!) && t[i - 1] !== '、') i--;
  const tail = t.slice(i).trim();
  // a number at the end of the line belongs to a figure of its own
  return /[0-9０-９]\s*$/u.test(tail) ? '' : tail;
}

export function blockFigures(b: Block): Omit<Figure, 'index'>[] {
  const mt = b.text;
  const text = mt.text;
  const lead = readNumbering(text)?.length ?? 0;
  const pos = positions(text);
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

  for (const m of text.matchAll(FIGURE_RE)) {
    const g = m.groups!;
    const numStart = m.index;
    if (numStart < lead) continue;
    const numText = g.num!;
    const before = text.slice(Math.max(0, numStart - 4), numStart);
    const isArabic = /^[0-9０-９]/.test(numText);
    const end0 = numStart + m[0].length;
    if (CODE_BEFORE.test(before.replace(/[ \u00a0\u3000]+$/, '')) || CODE_AFTER.test(text.slice(end0, end0 + 1))) continue;
    if (isArabic && /[.．]$/.test(text.slice(numStart, numStart + numText.length + 1)) && /[0-9]/.test(text[numStart + numText.length + 1] ?? '')) continue;
    let unit = g.unit;
    if (!isArabic) {
      if (!unit) continue;
      if (CN_WORD_BEFORE.test(before)) continue;
      if (!Number.isFinite(chineseNumber(numText))) continue;
    }
    if (unit && NOT_AFTER_UNIT[unit]?.test(text.slice(end0))) continue;
    const num = numberValue(numText);
    if (!Number.isFinite(num.value)) continue;
    let value = num.value;
    if (g.mult === '万') value *= 1e4;
    if (g.mult === '亿') value *= 1e8;
    let unitClass: UnitClass;
    if (unit) {
      if (unit === '％') unit = '%';
      if (unit === '万人次') {
        unit = '人次';
        value *= 1e4;
      } else if (unit === '万元') value *= 1e4;
      else if (unit === '亿元') value *= 1e8;
      unitClass = UNIT_CLASS[unit] ?? 'other';
    } else {
      // a bare number is kept only as a list item: glued to a word, followed by a list separator
      if (!isArabic || num.decimals > 0 || numText.length > 4 || g.mult || g.approx) continue;
      const prev = before.slice(-1);
      if (!/[\u4e00-\u9fff]/.test(prev)) continue;
      if (!/^[、，,；;。]/.test(text.slice(end0))) continue;
      unitClass = 'none';
    }
    let approx: Approximation | undefined = g.approx ? 'more' : undefined;
    let start = numStart;
    let end = end0;
    const pre = text.slice(Math.max(lastEnd, numStart - 4), numStart);
    for (const [re, a] of APPROX_BEFORE) {
      const am = re.exec(pre);
      if (am) {
        approx ??= a;
        start = numStart - am[0].length;
        break;
      }
    }
    const post = text.slice(end, end + 2);
    for (const [re, a] of APPROX_AFTER) {
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

  for (const m of text.matchAll(PERCENT_WORDS_RE)) {
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
