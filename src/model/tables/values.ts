import { isSpace, type MappedText, type SourceRange } from '../../util/mapped-text.js';
import { chineseNumber, toHalfWidth } from '../numerals.js';
import { memoised } from '../../util/memo.js';

/**
 * What a table cell holds:
 * - `number`: a plain value (integer, decimal, or signed);
 * - `blank`: nothing, or a placeholder for nothing (`/`, `—`, `－`, `&nbsp;`); 0 in sums;
 * - `approximate`: a number qualified by 约/余/多/近/左右 — usable, but not an exact count;
 * - `invalid`: anything else (words, percentages, several numbers).
 */
export type CellKind = 'number' | 'blank' | 'approximate' | 'invalid';

export interface CellValue {
  kind: CellKind;
  /** the number (also for approximate values); null for blank and invalid cells */
  value: number | null;
  /** the cell's text as written, trimmed */
  text: string;
  range: SourceRange;
  /** unit written in the cell after the number (件, 万元…) */
  unit?: string;
}

const BLANK = /^(?:[/／\\—–\-－―─~～]+|&nbsp;|&#160;|\s*)$/i;
const UNIT = '(?:件|条|个|人次|人|次|篇|项|万元|元|户|份|期)';
const NUMBER = '([+-]?)(\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const EXACT = new RegExp(`^${NUMBER}\\s*(${UNIT})?$`);
const APPROX = new RegExp(`^(?:约|大约|近|将近)?\\s*${NUMBER}\\s*(?:余|多)?\\s*(${UNIT})?\\s*(?:余|左右)?$`);
const CN_NUMBER = /^[〇零一二两三四五六七八九十百千万]+$/;

/** A value read, remembered by trimmed text (the same figures and labels recur in every table). */
const valueOf = memoised(readValue);

/** Read one cell's text as a value. */
export function parseCellValue(cell: MappedText): CellValue {
  // (a cell's text is most often trimmed already: no copy of it then)
  const t = trimmed(cell.text) ? cell : cell.trim();
  const text = t.text;
  const range = t.range();
  // (most cells are plain figures: read without the remembered answers, whose lookup costs more)
  if (plainFigure(text)) return { kind: 'number', value: Number(text), text, range };
  const v = valueOf(text);
  const out: CellValue = { kind: v.kind, value: v.value, text, range };
  if (v.unit) out.unit = v.unit;
  return out;
}

/** Whether a text is ASCII digits alone, few enough to be read exactly (as `readValue` reads them: a number). */
function plainFigure(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether a non-empty text has no white space at either end (as MappedText.trim reads white space). */
function trimmed(s: string): boolean {
  return s.length > 0 && !isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(s.length - 1));
}

function readValue(text: string): Omit<CellValue, 'text' | 'range'> {
  const norm = toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/&nbsp;/gi, '')
    .replace(/[−－﹣]/g, '-')
    .replace(/，/g, ',');
  if (BLANK.test(norm) || norm === '') return { kind: 'blank', value: null };
  const m = EXACT.exec(norm);
  if (m) {
    const v = Number(m[2]!.replace(/,/g, ''));
    return { kind: 'number', value: m[1] === '-' ? -v : v, ...(m[3] ? { unit: m[3] } : {}) };
  }
  const a = APPROX.exec(norm);
  if (a) {
    const v = Number(a[2]!.replace(/,/g, ''));
    return { kind: 'approximate', value: a[1] === '-' ? -v : v, ...(a[3] ? { unit: a[3] } : {}) };
  }
  if (CN_NUMBER.test(norm)) {
    const v = chineseNumber(norm);
    if (Number.isFinite(v)) return { kind: 'number', value: v };
  }
  return { kind: 'invalid', value: null };
}

/** Whether a cell reads as a value of some kind (not as a label). */
export function looksLikeValue(v: CellValue): boolean {
  return v.kind !== 'invalid';
}
