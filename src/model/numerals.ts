/** Chinese numerals and full-width characters, as found in report text. */

import { DERIVED, type MappedText } from '../util/mapped-text.js';
import { detach } from '../util/detach.js';

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 10000, 亿: 100000000 };

/** Value of a Chinese numeral (一百二十三, 两千零五, 十一, 二〇二一 digit by digit); NaN if not one. */
export function chineseNumber(s: string): number {
  if (!s) return NaN;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) {
    // digit-by-digit form, as in years: 二〇二一, 二零二一 (no 十, 百, 千 among the digits)
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[c]!;
      digit = -1;
    } else if (c in BIG) {
      section += digit < 0 ? 0 : digit;
      total += section * BIG[c]!;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  if (digit >= 0) section += digit;
  return total + section;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
/** Results for short strings (cell texts and labels are converted again and again). */
const halfWidthCache = new Map<string, string>();

/**
 * Results for long strings (paragraphs: each finder converts the same block text again), up to a
 * number of characters (a long report's paragraphs; the cache serves the report being read, it is
 * not worth holding many reports' texts); looking one up hashes the string once, far cheaper than
 * converting it.
 */
const longCache = new Map<string, string>();
const LONG_CACHE_CHARS = 400_000;
let longCacheChars = 0;

/** Full-width digits and letters to ASCII. */
export function toHalfWidth(s: string): string {
  const short = s.length <= 64;
  const known = short ? halfWidthCache.get(s) : longCache.get(s);
  if (known !== undefined) return known;
  if (!short && s.length > LONG_CACHE_CHARS / 8) return FULL_WIDTH.test(s) ? convertFullWidth(s) : s;
  // (kept across reports: a copy, not a slice of this report's text)
  const own = detach(s);
  const out = FULL_WIDTH.test(own) ? convertFullWidth(own) : own;
  if (short) {
    if (halfWidthCache.size >= 50000) halfWidthCache.clear();
    halfWidthCache.set(own, out);
  } else {
    if (longCacheChars + s.length > LONG_CACHE_CHARS) {
      longCache.clear();
      longCacheChars = 0;
    }
    longCache.set(own, out);
    longCacheChars += s.length;
  }
  return out;
}

/** One UTF-16 unit as toHalfWidth converts it: U+FF01–U+FF5E to U+0021–U+007E, U+3000 to a space. */
export function halfWidthCode(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
}

/** `halfWidthCode` over a string, character by character (no callback per character). */
function convertFullWidth(s: string): string {
  const codes: number[] = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = halfWidthCode(s.charCodeAt(i));
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return out;
}

/** Characters passed to String.fromCharCode at once (well below any engine's limit on arguments). */
const CHUNK = 4096;

/**
 * `toHalfWidth` of a MappedText's string, computed once per text object and kept on it: finders
 * that scan every block ask for the same conversion again and again.
 */
export function halfWidthOf(t: MappedText): string {
  return (t[DERIVED] ??= halfWidthOnce(t.text));
}

/**
 * `toHalfWidth` of a string converted once (its text object keeps the answer): a short one (a
 * cell, a label) is looked over character by character, as cheap as hashing it for the cache, and
 * most hold no full-width form.
 */
function halfWidthOnce(s: string): string {
  if (s.length > 64) return toHalfWidth(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (halfWidthCode(c) !== c) return toHalfWidth(s);
  }
  return s;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function circledNumber(c: string): number {
  const i = CIRCLED.indexOf(c);
  return i < 0 ? NaN : i + 1;
}
