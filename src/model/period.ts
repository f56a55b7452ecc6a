import type { Block, DateValue, PeriodStatement, RawCell } from './types.js';
import { MappedText } from '../util/mapped-text.js';
import { chineseNumber, toHalfWidth } from './numerals.js';
import { CN_SMALL, isValidDate, parseYear, YEAR_RE } from './dates.js';

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

/** what may stand before the keyword and belongs to the statement: 本年度报告中所列… */
const SUBJECT = '(?:本?(?:年度|度)?(?:报告|年报)(?:中)?)?(?:所列|使用|信息)?(?:的)?';
/** 统计期限, 数据统计时限, 统计数据时间段, 统计内容统计时间, 统计截止日期… */
const KEYWORD =
  '(?:统计|数据)(?:的|中|所列|使用|内容|统计|数据|信息|截止|截至)*(?:起止时间|起止日期|截止日期|截止时间|时间段|期限|时限|时间|区间|期间|周期|范围)';
const KEY_RE = new RegExp(`${SUBJECT}(?:${KEYWORD}|所列数据|数据统计(?=\\s*(?:截至|截止|自|从)))`, 'g');

/** between the keyword and the dates: 为, 是, ：, 自, 从 */
const CONNECTOR = /(?:\s|的|为|是|[:：]|自|从|由)*/y;
const CUTOFF = /(?:截至|截止)(?:到|至)?\s*(?:日期|时间)?\s*(?:为|是)?\s*[:：]?\s*/y;

/** a year in Arabic or Chinese digits (2021, 二〇二一), one capture group */
const YEAR = YEAR_RE.source;
// the day's 日 is sometimes left out before 至 or 止 (2021年1月1至12月31日); the date still reads
const MONTH_DAY = `(\\d{1,2}|${CN_SMALL})\\s*月(?:\\s*(\\d{1,2}|${CN_SMALL})\\s*(?:[日号]|(?=\\s*(?:起|至|到|止|—|–|－|-|~|～|[。，,；;]|$))))?`;
const DATE_Y = new RegExp(`${YEAR}\\s*年\\s*${MONTH_DAY}`, 'y');
const DATE_MD = new RegExp(MONTH_DAY, 'y');
const DATE_DOT = /(\d{4})[./-](\d{1,2})[./-](\d{1,2})/y;
/** a whole year: 2020年度, 2020年全年, 2020年 (not followed by a month) */
const WHOLE_YEAR = new RegExp(`${YEAR}\\s*年(?:度|全年)?(?!\\s*[\\d一二三四五六七八九十])`, 'y');
/** the end of a year as an as-of date: 截至2020年底 */
const YEAR_END = new RegExp(`${YEAR}\\s*年(?:底|末)`, 'y');
const START_END = /\s*起?\s*[,，]?\s*/y;
const SEPARATOR = /(?:至|到|—|–|－|-|~|～|―)+\s*/y;
const END_WORD = /\s*止/y;
/** where a statement's clause ends, for finding the extent of garbled dates */
const CLAUSE_END = /[。；;，,！？\n]/;

interface DateAt {
  value: DateValue;
  start: number;
  end: number;
}

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : chineseNumber(s);
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** A date starting exactly at `i`; `needYear` for a start date. */
function dateAt(h: string, i: number, needYear: boolean): DateAt | undefined {
  let m = at(DATE_Y, h, i);
  if (m) {
    const value: DateValue = { year: parseYear(m[1]!), month: num(m[2]!) };
    if (m[3]) value.day = num(m[3]);
    return { value, start: i, end: i + m[0].length };
  }
  m = at(DATE_DOT, h, i);
  if (m) return { value: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, start: i, end: i + m[0].length };
  if (needYear) return undefined;
  m = at(DATE_MD, h, i);
  if (m) {
    const value: DateValue = { month: num(m[1]!) };
    if (m[2]) value.day = num(m[2]);
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
  | { kind: 'range' | 'cutoff'; start?: DateValue; end?: DateValue; from: number; to: number }
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
function parseDates(h: string, p: number, cutoff: boolean, startMarker: boolean): Parsed | undefined {
  const from = p;
  const cut = at(CUTOFF, h, p);
  if (cut) {
    cutoff = true;
    p += cut[0].length;
  }
  const d1 = dateAt(h, p, true);
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
    const g = garbledFrom(h, p);
    return g ? { kind: 'malformed', from: g[0], to: g[2], garbled: [g[0], g[1]] } : undefined;
  }
  if (!plausible(d1.value) || runsOn(h, d1.end)) {
    const g = garbledFrom(h, p) ?? [d1.start, d1.end, d1.end];
    return { kind: 'malformed', from: g[0], to: g[2], garbled: [g[0], g[1]] };
  }
  if (!cutoff) {
    const se = at(START_END, h, d1.end)!;
    const sep = at(SEPARATOR, h, d1.end + se[0].length);
    if (sep) {
      const q = d1.end + se[0].length + sep[0].length;
      const d2 = dateAt(h, q, false);
      if (!d2) {
        const g = garbledFrom(h, q);
        if (g) return { kind: 'malformed', from: p, to: g[2], garbled: [q, g[1]] };
        // 自2020年1月1日至今: a start without an end
        const now = /^(?:今|现在)/.exec(h.slice(q));
        return { kind: 'range', start: d1.value, from: p, to: now ? q + now[0].length : d1.end };
      } else {
        const end: DateValue = { ...d2.value, year: d2.value.year ?? d1.value.year };
        if (!plausible(end) || runsOn(h, d2.end)) {
          const g = garbledFrom(h, q) ?? [q, d2.end, d2.end];
          return { kind: 'malformed', from: p, to: g[2], garbled: [g[0], g[1]] };
        }
        return { kind: 'range', start: d1.value, end, from: p, to: d2.end };
      }
    }
    // a start date alone: 自2020年1月1日起
    if (startMarker || se[0].includes('起')) {
      return { kind: 'range', start: d1.value, from: p, to: d1.end + (se[0].includes('起') ? se[0].indexOf('起') + 1 : 0) };
    }
  }
  return { kind: 'cutoff', end: d1.value, from, to: d1.end };
}

/** Statements of the statistics period in one piece of text. */
export function periodsIn(text: MappedText): PeriodStatement[] {
  const h = toHalfWidth(text.text);
  const out: PeriodStatement[] = [];
  KEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEY_RE.exec(h))) {
    const keyEnd = m.index + m[0].length;
    const conn = at(CONNECTOR, h, keyEnd)!;
    const p = keyEnd + conn[0].length;
    const parsed = parseDates(h, p, /截[止至]/.test(m[0]), /[自从由]/.test(conn[0]));
    if (!parsed) continue;
    // the statement runs on to a closing 止
    const end = parsed.to + (at(END_WORD, h, parsed.to)?.[0].length ?? 0);
    const st: PeriodStatement = {
      text: text.text.slice(m.index, end),
      range: text.range(m.index, end),
      kind: parsed.kind,
      dates: { text: text.text.slice(parsed.from, parsed.to), range: text.range(parsed.from, parsed.to) },
    };
    if (parsed.kind === 'malformed') {
      const [a, b] = parsed.garbled;
      st.garbled = { text: text.text.slice(a, b), range: text.range(a, b) };
    } else {
      if (parsed.start) st.start = parsed.start;
      if (parsed.end) st.end = parsed.end;
    }
    out.push(st);
    KEY_RE.lastIndex = Math.max(end, KEY_RE.lastIndex);
  }
  return out;
}

/** A table row read as one line, a label cell and its value joined by a colon (统计期限：2021年…). */
export function rowText(row: RawCell[]): MappedText {
  return MappedText.concat(
    row.filter((c) => !c.origin && c.text.text !== '').map((c) => c.text),
    '：',
  );
}

/** Statements of the statistics period (统计期限…) in prose and table rows, in document order. */
export function extractPeriods(blocks: Block[]): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const b of blocks) {
    if (b.type === 'code' || b.type === 'html') continue;
    if (b.table) {
      for (const row of b.table.rows) out.push(...periodsIn(rowText(row)));
    } else out.push(...periodsIn(b.text));
  }
  return out;
}
