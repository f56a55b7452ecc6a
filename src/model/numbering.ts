import type { Numbering } from './types.js';
import { chineseNumber, circledNumber, toHalfWidth } from './numerals.js';

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: { style: Numbering['style']; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { style: 'part', re: new RegExp(`^第(${CN})部分[、，,：:\\s]*`), value: (m) => chineseNumber(m[1]!) },
  { style: 'cn-dun', re: new RegExp(`^(${CN})\\s*[、，,．.]\\s*`), value: (m) => chineseNumber(m[1]!) },
  { style: 'cn-paren', re: new RegExp(`^[（(]\\s*(${CN})\\s*[)）][、，,．.]?\\s*`), value: (m) => chineseNumber(m[1]!) },
  { style: 'arabic-paren', re: /^[（(]\s*([0-9０-９]{1,2})\s*[)）][、，,．.]?\s*/, value: (m) => Number(toHalfWidth(m[1]!)) },
  // (a closing bracket alone, 1） and 1), is the same level as both brackets)
  { style: 'arabic-paren', re: /^([0-9０-９]{1,2})\s*[)）]\s*/, value: (m) => Number(toHalfWidth(m[1]!)) },
  { style: 'arabic-dot', re: /^([0-9０-９]{1,2})\s*(?:[、．]|\.(?![0-9０-９]))\s*/, value: (m) => Number(toHalfWidth(m[1]!)) },
  { style: 'circled', re: /^([①-⑳])\s*[、，,．.]?\s*/, value: (m) => circledNumber(m[1]!) },
];

const FIRST = /^[第一二三四五六七八九十（(0-9０-９①-⑳]/;

/** The numbering at the start of a line, and how many characters it takes. */
export function readNumbering(line: string): { numbering: Numbering; length: number } | undefined {
  const lead = /^[\s\u3000]*/.exec(line)![0].length;
  // every pattern starts with one of these characters: most lines are passed over at a glance
  if (!FIRST.test(line[lead] ?? '')) return undefined;
  const s = line.slice(lead);
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (m) {
      const ordinal = p.value(m);
      if (!Number.isFinite(ordinal) || ordinal <= 0) continue;
      return { numbering: { style: p.style, ordinal, raw: m[0].trim() }, length: lead + m[0].length };
    }
  }
  return undefined;
}

/** Nesting level of a numbering style in the usual official hierarchy. */
export function styleLevel(style: Numbering['style']): number {
  switch (style) {
    case 'part':
    case 'cn-dun':
      return 1;
    case 'cn-paren':
      return 2;
    case 'arabic-dot':
      return 3;
    case 'arabic-paren':
      return 4;
    case 'circled':
      return 5;
    default:
      return 1;
  }
}
