import type { Block, DateValue, PeriodStatement, RawCell } from './types.js';
import { DERIVED, MappedText } from '../util/mapped-text.js';
import { halfWidthOf } from './numerals.js';
import { CN_DAY, CN_MONTH, isValidDate, monthOrDay, parseYear, YEAR_RE } from './dates.js';
import { vocabulary } from '../config/vocabulary.js';
import { isPageNumberLine } from './page-chrome.js';
import { ReportScoped } from '../util/report-scoped.js';

/**
 * Statements of the statistics period, as reports word them:
 *
 *   本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止
 *   数据统计时限为2020年1月1日至2020年12月31日
 *   本年度报告中使用数据统计期限为 2019 年 1月 1 日至 12 月 31 日
 *   本报告所列数据自2020年1月1日起,至2020年12月31日止
 *   本报告中所列数据统计时间截至2020年12月31日            (a cut-off date only)
 *   本年度报告中所列数据统计期限从202111日到1231日止      (garbled digits)
 *
 * A statement needs the words that say it is about the statistics (统计期限, 统计时间, 所列数据…):
 * "截止2020年12月31日，我局主动公开信息15条" gives a count as of a date, not the period of the
 * report, and is not one.
 */

interface PeriodVocabulary {
  subject: string;
  keyword: { heads: string[]; links: string[]; nouns: string[] };
  alone: string[];
  dataWords: string[];
  dataAfter: string;
  cutoff: string;
  connector: string;
  ongoing: string[];
  relativeYears: string[];
  wholeYears: string[];
}

const longestFirst = (xs: string[]): string[] => [...xs].sort((a, b) => b.length - a.length);

let built:
  | {
      key: RegExp;
      keyTest: RegExp;
      connector: RegExp;
      cutoff: RegExp;
      ongoing: RegExp;
      relativeYear: RegExp;
      wholeYear: RegExp;
      wholeYearAny: RegExp;
      dataWord: RegExp;
      dataAfter: RegExp;
    }
  | undefined;
/** The expressions built from the period vocabulary (src/vocabulary/period.json). */
function words(): NonNullable<typeof built> {
  if (built) return built;
  const v = vocabulary<PeriodVocabulary>('period');
  // 统计期限, 数据统计时限, 统计数据时间段, 统计内容统计时间, 统计截止日期…
  const keyword = `(?:${v.keyword.heads.join('|')})(?:${longestFirst(v.keyword.links).join('|')})*(?:${longestFirst(v.keyword.nouns).join('|')})`;
  const key = `${v.subject}(?:${keyword}|${v.alone.join('|')})`;
  built = {
    key: new RegExp(key, 'g'),
    // the same, to test a text for one (no lastIndex to reset)
    keyTest: new RegExp(key),
    connector: new RegExp(v.connector, 'y'),
    cutoff: new RegExp(v.cutoff, 'y'),
    ongoing: new RegExp(`^(?:${v.ongoing.join('|')})`),
    relativeYear: new RegExp(`(?:${longestFirst(v.relativeYears).join('|')})\\s*`, 'y'),
    wholeYear: new RegExp(`(?:${v.wholeYears.join('|')})\\s*`, 'y'),
    // (a text holds such words, to be read although it has no digit: see mayHoldDate)
    wholeYearAny: new RegExp(v.wholeYears.join('|')),
    dataWord: new RegExp(v.dataWords.join('|')),
    dataAfter: new RegExp(v.dataAfter),
  };
  return built;
}

/** a year in Arabic or Chinese digits (2021, 二〇二一), one capture group */
const YEAR = YEAR_RE.source;
// the day's 日 is sometimes left out before 至 or 止 (2021年1月1至12月31日); the date still reads
const MONTH_DAY = `(\\d{1,2}|${CN_MONTH})\\s*月(?:\\s*(\\d{1,2}|${CN_DAY})\\s*(?:[日号]|(?=\\s*(?:起|至|到|止|—|–|－|-|~|～|[。，,；;]|$))))?`;
const DATE_Y = new RegExp(`${YEAR}\\s*年\\s*${MONTH_DAY}`, 'y');
const DATE_MD = new RegExp(MONTH_DAY, 'y');
const DATE_DOT = /(\d{4})[./-](\d{1,2})[./-](\d{1,2})/y;
/** a whole year: 2020年度, 2020年全年, 2020年 (not followed by a month) */
const WHOLE_YEAR = new RegExp(`${YEAR}\\s*年(?:度|全年)?(?!\\s*[\\d一二三四五六七八九十])`, 'y');
/**
 * Months without days, 月 written once after both (2020年1-12月, 2020年1至12月份, 一至十二月): from the
 * first month to the last. The year may be left out (本年度1-12月).
 */
const MONTH_RANGE = new RegExp(`(?:${YEAR}\\s*年度?\\s*)?(\\d{1,2}|${CN_MONTH})\\s*(?:至|到|—|–|－|-|~|～|―)+\\s*(\\d{1,2}|${CN_MONTH})\\s*月份?`, 'y');
/** the end of a year as an as-of date: 截至2020年底 */
const YEAR_END = new RegExp(`${YEAR}\\s*年(?:底|末)`, 'y');
/** after a start date: the word that marks it a start (起, 开始, 始), and a comma before the end */
const START_END = /\s*(?:起|开始|始)?\s*[,，]?\s*/y;
const SEPARATOR = /(?:至|到|—|–|－|-|~|～|―)+\s*/y;
/** between the dates a list of two gives (起止日期为…和…) */
const PAIR_SEPARATOR = /(?:和|及|与|、)\s*/y;
/** the hour a day starts or ends at, written after its date (2023年1月1日零时至…24时) */
const HOUR = /\s*(?:零时|零点|0时|0点|00:00(?::00)?|24时|24点|二十四时|24:00(?::00)?)/y;
/** an end given as the year's end: 年底, 年末, 2023年底, 2023年年底 (the start's year when none is named) */
const YEARS_END = new RegExp(`(?:${YEAR}\\s*)?年\\s*年?(?:底|末)`, 'y');
/** an end date that names the start's year as 同年 (…至同年12月31日) */
const SAME_YEAR = /(?:同年|当年|本年度?)\s*/y;
const END_WORD = /\s*止/y;
/** where a statement's clause ends, for finding the extent of garbled dates */
const CLAUSE_END = /[。；;，,！？\n]/;

interface DateAt {
  value: DateValue;
  start: number;
  end: number;
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** A date starting exactly at `i`; `needYear` for a start date. */
function dateAt(h: string, i: number, needYear: boolean): DateAt | undefined {
  let m = at(DATE_Y, h, i);
  if (m) {
    const value: DateValue = { year: parseYear(m[1]!), month: monthOrDay(m[2]!) };
    if (m[3]) value.day = monthOrDay(m[3]);
    return { value, start: i, end: i + m[0].length };
  }
  m = at(DATE_DOT, h, i);
  if (m) return { value: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, start: i, end: i + m[0].length };
  if (needYear) return undefined;
  m = at(DATE_MD, h, i);
  if (m) {
    const value: DateValue = { month: monthOrDay(m[1]!) };
    if (m[2]) value.day = monthOrDay(m[2]);
    return { value, start: i, end: i + m[0].length };
  }
  return undefined;
}

function plausible(d: DateValue): boolean {
  if (d.year !== undefined && (Number.isNaN(d.year) || d.year < 1990 || d.year > 2100)) return false;
  if (d.month !== undefined && Number.isNaN(d.month)) return false;
  if (d.day !== undefined && Number.isNaN(d.day)) return false;
  return isValidDate(d);
}

/** Followed by more digits: 2021年1月1至… reads as a date, but is not one. */
function runsOn(h: string, i: number): boolean {
  return /^\s*[0-9]/.test(h.slice(i, i + 3));
}

type Parsed =
  | { kind: 'range' | 'cutoff'; start?: DateValue; end?: DateValue; from: number; to: number; noYear?: boolean }
  | { kind: 'malformed'; from: number; to: number; garbled: [number, number] };

/** The piece of a clause from `i` that reads as garbled dates, if it has digits at all. */
function garbledFrom(h: string, i: number): [number, number, number] | undefined {
  if (!/[0-9]/.test(h[i] ?? '')) return undefined;
  let stop = h.length;
  const rest = h.slice(i, i + 40);
  const e = CLAUSE_END.exec(rest);
  if (e) stop = i + e.index;
  else stop = Math.min(h.length, i + 40);
  // 20211月1日至2021年12月31日: when what follows the separator reads as a date, only the part
  // before it is garbled
  let through = -1;
  const sep = /[至到~～]/.exec(h.slice(i, stop));
  if (sep) {
    const q = i + sep.index + 1;
    const d = dateAt(h, q + (at(/\s*/y, h, q)?.[0].length ?? 0), false);
    if (d && plausible(d.value) && !runsOn(h, d.end)) {
      stop = i + sep.index;
      through = d.end;
    }
  }
  let last = -1;
  for (let k = i; k < stop; k++) if (/[0-9年月日号]/.test(h[k]!)) last = k;
  return last >= i ? [i, last + 1, Math.max(through, last + 1)] : undefined;
}

/** Read the dates at `p`; `cutoff` when the keyword itself says so (统计截止日期为…). */
function parseDates(h: string, p: number, cutoff: boolean, startMarker: boolean, pair = false): Parsed | undefined {
  const from = p;
  const cut = at(words().cutoff, h, p);
  if (cut) {
    cutoff = true;
    p += cut[0].length;
  }
  let d1 = dateAt(h, p, true);
  // dates without a year (1月1日至12月31日), or after a word that stands for the report's year
  // (本年度1月1日至12月31日, 上年度…): the report's year is meant, and it is not written
  let noYear = false;
  if (!d1) {
    const rel = at(words().relativeYear, h, p) ?? at(words().wholeYear, h, p);
    const q = p + (rel?.[0].length ?? 0);
    const md = dateAt(h, q, false);
    if (md && md.value.year === undefined && plausible(md.value) && !runsOn(h, md.end)) {
      d1 = { ...md, start: p };
      noYear = true;
    }
    const mr = d1 || cutoff ? null : at(MONTH_RANGE, h, q);
    if (mr && !runsOn(h, q + mr[0].length)) {
      const year = mr[1] === undefined ? undefined : parseYear(mr[1]);
      const [start, end]: DateValue[] = [{ month: monthOrDay(mr[2]!) }, { month: monthOrDay(mr[3]!) }];
      if (year !== undefined) start.year = end.year = year;
      if (plausible(start) && plausible(end) && start.month! <= end.month!) return { kind: 'range', start, end, from: p, to: q + mr[0].length, ...(year === undefined ? { noYear: true } : {}) };
    }
  }
  if (!d1) {
    const ye = at(YEAR_END, h, p);
    if (ye) {
      const y = parseYear(ye[1]!);
      if (y >= 1990 && y <= 2100) return { kind: 'cutoff', end: { year: y, month: 12, day: 31 }, from, to: p + ye[0].length };
    }
    const w = at(WHOLE_YEAR, h, p);
    if (w && !cutoff) {
      const y = parseYear(w[1]!);
      if (y >= 1990 && y <= 2100) return { kind: 'range', start: { year: y, month: 1, day: 1 }, end: { year: y, month: 12, day: 31 }, from: p, to: p + w[0].length };
    }
    // the whole year in words, the report's (统计期限为全年, 为一个自然年度, 为本年度): no dates follow;
    // after a word that brings an end date (统计截止时间为全年), only words that end the clause
    const whole = at(words().wholeYear, h, p);
    const next = whole ? h.slice(p + whole[0].length, p + whole[0].length + 1) : '';
    if (whole && !/^[0-9一二三四五六七八九十元]/.test(next) && (!cutoff || /^(?:[。，；,;）)]|$)/.test(next))) {
      return { kind: 'range', start: { month: 1, day: 1 }, end: { month: 12, day: 31 }, from: p, to: p + whole[0].length, noYear: true };
    }
    const g = garbledFrom(h, p);
    return g ? { kind: 'malformed', from: g[0], to: g[2], garbled: [g[0], g[1]] } : undefined;
  }
  const d1End = d1.end + (at(HOUR, h, d1.end)?.[0].length ?? 0);
  if (!plausible(d1.value) || runsOn(h, d1End)) {
    const g = garbledFrom(h, p) ?? [d1.start, d1.end, d1.end];
    return { kind: 'malformed', from: g[0], to: g[2], garbled: [g[0], g[1]] };
  }
  {
    const se = at(START_END, h, d1End)!;
    const sep = at(SEPARATOR, h, d1End + se[0].length) ?? (pair ? at(PAIR_SEPARATOR, h, d1End + se[0].length) : null);
    // a whole range after a word that usually brings an end date (统计截止时间为…至…) is a range
    const q0 = sep ? d1End + se[0].length + sep[0].length : 0;
    const q = q0 + (sep ? (at(SAME_YEAR, h, q0)?.[0].length ?? 0) : 0);
    if (sep && (!cutoff || dateAt(h, q, false))) {
      const d2 = dateAt(h, q, false);
      const ye = d2 ? null : at(YEARS_END, h, q);
      if (ye) {
        const y = ye[1] ? parseYear(ye[1]) : d1.value.year;
        if (y !== undefined && y >= 1990 && y <= 2100) return { kind: 'range', start: d1.value, end: { year: y, month: 12, day: 31 }, from: p, to: q + ye[0].length };
      }
      if (!d2) {
        const g = garbledFrom(h, q);
        if (g) return { kind: 'malformed', from: p, to: g[2], garbled: [q, g[1]] };
        // 自2020年1月1日至今: a start without an end
        const now = words().ongoing.exec(h.slice(q));
        return { kind: 'range', start: d1.value, from: p, to: now ? q + now[0].length : d1.end, ...(noYear ? { noYear } : {}) };
      } else {
        const end: DateValue = { ...d2.value, year: d2.value.year ?? d1.value.year };
        const d2End = d2.end + (at(HOUR, h, d2.end)?.[0].length ?? 0);
        if (!plausible(end) || runsOn(h, d2End)) {
          const g = garbledFrom(h, q) ?? [q, d2.end, d2.end];
          return { kind: 'malformed', from: p, to: g[2], garbled: [g[0], g[1]] };
        }
        // (a start without a year before an end with one: the end's year)
        if (end.year !== undefined && d1.value.year === undefined) return { kind: 'range', start: { ...d1.value, year: end.year }, end, from: p, to: d2End };
        return { kind: 'range', start: d1.value, end, from: p, to: d2End, ...(noYear ? { noYear } : {}) };
      }
    }
    // a start date alone: 自2020年1月1日起
    const marked = /起|始/.exec(se[0]);
    if (!cutoff && (startMarker || marked)) {
      return { kind: 'range', start: d1.value, from: p, to: d1End + (marked ? marked.index + marked[0].length : 0), ...(noYear ? { noYear } : {}) };
    }
  }
  return { kind: 'cutoff', end: d1.value, from, to: d1.end, ...(noYear ? { noYear } : {}) };
}

/** The statement a parse gives, from `from` (where its words begin) on. */
function statement(text: MappedText, h: string, from: number, parsed: Parsed): PeriodStatement {
  // the statement runs on to a closing 止
  const end = parsed.to + (at(END_WORD, h, parsed.to)?.[0].length ?? 0);
  const st: PeriodStatement = {
    text: text.text.slice(from, end),
    range: text.range(from, end),
    kind: parsed.kind,
    dates: { text: text.text.slice(parsed.from, parsed.to), range: text.range(parsed.from, parsed.to) },
  };
  if (parsed.kind === 'malformed') {
    const [a, b] = parsed.garbled;
    st.garbled = { text: text.text.slice(a, b), range: text.range(a, b) };
  } else {
    if (parsed.start) st.start = parsed.start;
    if (parsed.end) st.end = parsed.end;
    if (parsed.noYear) st.noYear = true;
  }
  return st;
}

/** where a sentence begins, looking back from `i` */
const SENTENCE_END = /[。；;！？!?\n]/;
const YEAR_START = new RegExp(YEAR_RE.source, 'g');
/** the same, to test a text for one */
const YEAR_ANY = new RegExp(YEAR_RE.source);
const SEPARATOR_IN = /[至到—–－\-~～―]/;

/**
 * Date ranges stated about the report's data in words no list foresees: a range from 1 January
 * to 31 December of a year after a word about the data (数据, 统计, 所列, 本报告…) in the same
 * sentence, whatever stands between (所列数据的时间范围为…至…, 本报告数据涵盖…至…), or right
 * before such words (本报告反映…至…期间的数据).
 */
function rangesAboutData(text: MappedText, h: string, spans: [number, number][]): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  // (every range read here has a separator between its dates)
  if (!SEPARATOR_IN.test(h)) return out;
  const free = (a: number, b: number): boolean => !spans.some(([x, y]) => a < y && x < b);
  YEAR_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_START.exec(h))) {
    const i = m.index;
    const parsed = parseDates(h, i, false, false);
    if (!parsed || parsed.kind !== 'range' || !parsed.start || !parsed.end || parsed.from !== i) continue;
    // two dates written out (not a year read as the whole year) that span a calendar year: the
    // period of an annual report, not the weeks of some campaign the sentence tells of
    if (!SEPARATOR_IN.test(h.slice(parsed.from, parsed.to))) continue;
    const { start, end } = parsed;
    if (start.month !== 1 || start.day !== 1 || end.month !== 12 || end.day !== 31 || (end.year ?? start.year) !== start.year) continue;
    if (!free(i, parsed.to)) continue;
    let s = i;
    while (s > 0 && i - s < 60 && !SENTENCE_END.test(h[s - 1]!)) s--;
    const before = h.slice(s, i);
    const w = words().dataWord.exec(before);
    // …or words about the data right after it (…至12月31日期间的数据)
    if (!w && !words().dataAfter.test(h.slice(parsed.to, parsed.to + 16))) continue;
    const from = w ? s + w.index : i;
    out.push(statement(text, h, from, parsed));
    spans.push([from, parsed.to]);
    YEAR_START.lastIndex = Math.max(YEAR_START.lastIndex, parsed.to);
  }
  return out;
}

/**
 * Every statement has a date with a year in Arabic digits (full-width or not) or in Chinese ones
 * (二〇二一), or digits read as garbled dates, or a January written in Chinese without a year
 * (一月一日至十二月三十一日), unless it gives the whole year in words (see mayHoldDate).
 */
const MAY_HOLD_DATE = /[0-9０-９]|二[〇零○]|[元一]\s*月/;

/** MAY_HOLD_DATE, or words that give the whole year without a date (统计期限为全年: see the vocabulary's wholeYears) */
function mayHoldDate(s: string): boolean {
  return MAY_HOLD_DATE.test(s) || words().wholeYearAny.test(s);
}

/** The words that give a period's start, or its end, in a clause of their own: 起始时间为, 截止日期：… */
const START_CLAUSE = /(?:起始|开始)(?:时间|日期)\s*(?:为|是)?\s*[:：]?\s*/g;
const END_CLAUSE = /(?:截止|截至|结束)(?:时间|日期)\s*(?:为|是)?\s*[:：]?\s*/g;
/** what ends the sentence a statement's other clause is looked for in (a clause after ；is still in it) */
const CLAUSES_END = /[。！？!?\n]/;

/**
 * A date given in a clause of its own (`clause`: START_CLAUSE or END_CLAUSE) in the sentence
 * around `i`, where the statement at `i` gives only the other end of the period (统计截止时间为
 * 2023年12月31日，起始时间为2023年1月1日): the date, where its clause begins and where the date ends.
 */
function otherClause(h: string, i: number, clause: RegExp): { value: DateValue; from: number; end: number } | undefined {
  let a = i;
  while (a > 0 && !CLAUSES_END.test(h[a - 1]!)) a--;
  let b = i;
  while (b < h.length && !CLAUSES_END.test(h[b]!)) b++;
  clause.lastIndex = a;
  for (let m = clause.exec(h); m && m.index < b; m = clause.exec(h)) {
    if (m.index <= i && i < m.index + m[0].length) continue;
    const d = dateAt(h, m.index + m[0].length, false);
    if (d && d.end <= b && plausible(d.value) && !runsOn(h, d.end)) return { value: d.value, from: m.index, end: d.end };
  }
  return undefined;
}

/** Statements of the statistics period in one piece of text. */
export function periodsIn(text: MappedText): PeriodStatement[] {
  if (!mayHoldDate(text.text)) return [];
  const h = halfWidthOf(text);
  const out: PeriodStatement[] = [];
  const spans: [number, number][] = [];
  const { key, connector } = words();
  key.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = key.exec(h))) {
    const keyEnd = m.index + m[0].length;
    const conn = at(connector, h, keyEnd)!;
    const p = keyEnd + conn[0].length;
    let parsed = parseDates(h, p, /截[止至]/.test(m[0]), /[自从由]/.test(conn[0]) || /起始|开始/.test(m[0]), m[0].includes('起止'));
    if (!parsed) continue;
    let from = m.index;
    // the other end given in a clause of its own (截止时间为…，起始时间为…; 起始时间为…，截止时间为…)
    const other =
      parsed.kind === 'cutoff' && parsed.end ? otherClause(h, m.index, START_CLAUSE) : parsed.kind === 'range' && parsed.start && !parsed.end ? otherClause(h, m.index, END_CLAUSE) : undefined;
    if (other && parsed.kind !== 'malformed') {
      const [start, end] = parsed.kind === 'cutoff' ? [other.value, parsed.end!] : [parsed.start!, other.value];
      // (a date without a year takes the other's)
      const noYear = start.year === undefined && end.year === undefined;
      parsed = { kind: 'range', start: { ...start, year: start.year ?? end.year }, end: { ...end, year: end.year ?? start.year }, from: Math.min(parsed.from, other.from), to: Math.max(parsed.to, other.end), ...(noYear ? { noYear } : {}) };
      from = Math.min(from, other.from);
    }
    const st = statement(text, h, from, parsed);
    out.push(st);
    const end = from + st.text.length;
    spans.push([from, end]);
    key.lastIndex = Math.max(end, key.lastIndex);
  }
  const more = rangesAboutData(text, h, spans);
  if (!more.length) return out;
  return [...out, ...more].sort((a, b) => a.range.start - b.range.start);
}

/**
 * A table row read as one line, a label cell and its value joined by a colon (统计期限：2021年…).
 * `halfWidth`, when given, is the line's half-width form (`rowHalfWidth`), kept on the text.
 */
export function rowText(row: RawCell[], halfWidth?: string): MappedText {
  const t = MappedText.concat(
    row.filter((c) => !c.origin && c.text.text !== '').map((c) => c.text),
    '：',
  );
  if (halfWidth !== undefined) t[DERIVED] = halfWidth;
  return t;
}

/**
 * The half-width form of `rowText(row)`'s string (what `halfWidthOf` gives for it), joined from
 * the cells' own half-width forms, which are kept on the cells: a finder tests it before it builds
 * the row's text. (The joining '：' is ':' in half-width.)
 */
export function rowHalfWidth(row: RawCell[]): string {
  let out = rowHalfWidths.get(row);
  if (out === undefined) rowHalfWidths.set(row, (out = joinHalfWidths(row)));
  return out;
}

/** rowHalfWidth's answers, by row: the finders of periods and of contacts both ask for every row of every table (a row is not changed once read). */
const rowHalfWidths = new ReportScoped<RawCell[], string>();

function joinHalfWidths(row: RawCell[]): string {
  let out = '';
  let first = true;
  for (const c of row) {
    if (c.origin || c.text.text === '') continue;
    out = first ? halfWidthOf(c.text) : `${out}:${halfWidthOf(c.text)}`;
    first = false;
  }
  return out;
}

/**
 * A line that does not end a sentence: text copied out of a PDF breaks lines anywhere. As
 * `/[^。；;！？!?：:）)」”]\s*$/` reads it: its last character is none of these (white space at the
 * end counts as such a character).
 */
function openEnd(s: string): boolean {
  return s.length > 0 && !SENTENCE_CLOSERS.includes(s[s.length - 1]!);
}
const SENTENCE_CLOSERS = '。；;！？!?：:）)」”';
/** …but a title line (…年度报告) ends without punctuation too */
function titleEnd(s: string): boolean {
  const t = s.trimEnd();
  return t.endsWith('报告') || t.endsWith('年报');
}

/**
 * Statements of the statistics period (统计期限…) in prose and table rows, in document order. A
 * statement broken over two lines (统计周期为 2024 年 1 月 1 日至 / 12 月 31 日) is read across the
 * break, past blank lines and a page number between them.
 */
/** Any character but white space (a text without one trims to nothing) */
const NOT_SPACE = /\S/;

export function extractPeriods(blocks: Block[]): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  const prose = (b: Block | undefined): b is Block => !!b && (b.type === 'paragraph' || b.type === 'list-item');
  blocks.forEach((b, i) => {
    if (b.type === 'code' || b.type === 'html') return;
    if (b.table) {
      for (const row of b.table.rows) {
        // (a row whose own cells have no digits, and no words for the whole year, holds no statement:
        // see mayHoldDate; a cell a span copied from another row is that row's)
        const h = rowHalfWidth(row);
        if (!mayHoldDate(h)) continue;
        // nor does one without the words of a statement or a year and a separator (see periodsIn)
        if (!words().keyTest.test(h) && !(SEPARATOR_IN.test(h) && YEAR_ANY.test(h))) continue;
        out.push(...periodsIn(rowText(row, h)));
      }
      return;
    }
    const own = periodsIn(b.text);
    // the next line of prose, past blank lines, when this one stops mid-sentence
    if (!(prose(b) && openEnd(b.text.text) && !titleEnd(b.text.text))) {
      out.push(...own);
      return;
    }
    let j = i + 1;
    const skip = (x: Block) => x.type !== 'table' && (!NOT_SPACE.test(x.text.text) || isPageNumberLine(x.text.text));
    while (j < blocks.length && j - i <= 4 && skip(blocks[j]!)) j++;
    const next = blocks[j];
    if (prose(next) && NOT_SPACE.test(next.text.text)) {
      const lineEnd = b.text.range().end;
      const nextStart = next.text.range().start;
      // only what the break cut in two: a statement of this line that goes on in the next
      const across = periodsIn(MappedText.concat([b.text, next.text])).filter((st) => st.range.start < lineEnd && st.range.end > nextStart);
      for (const st of across) {
        const k = own.findIndex((o) => o.range.start === st.range.start);
        if (k >= 0) own[k] = st;
        else own.push(st);
      }
    }
    out.push(...own);
  });
  return out;
}
