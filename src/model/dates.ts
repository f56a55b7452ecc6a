import type { DateValue } from './types.js';
import { chineseNumber, toHalfWidth } from './numerals.js';

/** A year written in Arabic (2021, ２０２１) or Chinese digits (二〇二一). */
export const YEAR_RE = /((?:19|20)[0-9]{2}|[１２][０-９]{3}|二[〇零○][一二三四五六七八九〇零○]{2})/;

export function parseYear(s: string): number {
  const h = toHalfWidth(s).replace(/○/g, '〇');
  if (/^[0-9]{4}$/.test(h)) return Number(h);
  return chineseNumber(h);
}

/**
 * Full date 2021年1月1日 / 2021-01-01 / 2021.1.1 (spaces allowed between parts), with the month
 * 元月 and the day 号 of everyday writing (2021年元月20号).
 */
export const DATE_RE = /((?:19|20)[0-9]{2})\s*(?:年\s*([0-9]{1,2}|元)\s*月\s*(?:([0-9]{1,2})\s*[日号])?|[-./]([0-9]{1,2})[-./]([0-9]{1,2}))/g;

export function matchDate(m: RegExpExecArray): DateValue {
  const year = Number(m[1]);
  const month = m[2] ? monthOrDay(m[2]) : Number(m[4]);
  const dayS = m[3] ?? m[5];
  return { year, month, day: dayS ? Number(dayS) : undefined };
}

export function isValidDate(d: DateValue): boolean {
  if (d.month === undefined) return true;
  if (d.month < 1 || d.month > 12) return false;
  if (d.day === undefined) return true;
  const y = d.year ?? 2000;
  const days = new Date(Date.UTC(y, d.month, 0)).getUTCDate();
  return d.day >= 1 && d.day <= days;
}

export function formatDate(d: DateValue): string {
  return `${d.year ?? ''}${d.year !== undefined ? '年' : ''}${d.month ?? ''}${d.month !== undefined ? '月' : ''}${d.day ?? ''}${d.day !== undefined ? '日' : ''}`;
}

/** A month in Chinese numerals (十二), or 元 (元月, January). */
export const CN_MONTH = '(?:元|[一二三四五六七八九十]{1,2})';
/** A day in Chinese numerals (二十一), 廿 and 卅 too (廿日, 廿一, 卅一). */
export const CN_DAY = '[一二三四五六七八九十廿卅]{1,3}';
const CN_DIGIT = '[〇零○一二三四五六七八九]';
/** A year and month in Chinese numerals (二〇二一年一月), with two capture groups. */
const CN_YEAR_MONTH = `(二${CN_DIGIT}{3})\\s*年\\s*(${CN_MONTH})\\s*月`;
/** A full date in Chinese numerals, as used under signatures (二〇二一年一月二十日, 二零二一年元月廿日). */
export const CN_DATE_RE = new RegExp(`${CN_YEAR_MONTH}\\s*(${CN_DAY})\\s*日`, 'g');

/**
 * A month in Chinese numerals without its day (二〇二二年一月, 二零二二年元月), as a sign-off may give
 * it: read only where it is the whole of its line (see title.ts).
 */
export const CN_MONTH_DATE_RE = new RegExp(CN_YEAR_MONTH, 'g');

/** The value of a month or day, in digits or in Chinese numerals (CN_MONTH, CN_DAY): 元 is 1, 廿 20, 卅 30. */
export function monthOrDay(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s === '元') return 1;
  return chineseNumber(s.replace(/廿/g, '二十').replace(/卅/g, '三十'));
}

export function matchChineseDate(m: RegExpExecArray): DateValue {
  const year = chineseNumber(m[1]!.replace(/○/g, '〇'));
  const month = monthOrDay(m[2]!);
  // (CN_MONTH_DATE_RE gives no day)
  return m[3] === undefined ? { year, month } : { year, month, day: monthOrDay(m[3]) };
}
