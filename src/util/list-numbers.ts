/**
 * Numbers as lists number their items: the formats of Word's automatic numbering (`w:numFmt`) and
 * of web pages' ordered lists (`list-style-type`), for writing out the labels a document shows on
 * screen but does not hold as text (一、 （一） 1. ① 甲 …).
 */

const CN = '〇一二三四五六七八九';
/** 1–9999 in Chinese numerals as counted (十一, 二十, 一百零五). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += CN[d]! + unit;
  });
  // 一十 … 一十九 are read 十 … 十九
  return out.startsWith('一十') ? out.slice(1) : out;
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖';
function chineseLegal(n: number): string {
  return chineseCounting(n)
    .replace(/[〇一二三四五六七八九]/g, (c) => LEGAL[CN.indexOf(c)]!)
    .replace(/十/g, '拾')
    .replace(/百/g, '佰')
    .replace(/千/g, '仟');
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 is AA, 53 is AAA
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    for (; n >= v; n -= v) out += s;
  }
  return out;
}


/** A number in one of Word's number formats (`w:numFmt`); decimal where a format is not known. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseLegal(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default: {
      // formats that count through a fixed run of signs; decimal past its end, and for formats not known
      const signs = SEQUENCES[format];
      return signs ? ([...signs][n - 1] ?? String(n)) : String(n);
    }
  }
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** The signs of the formats that count through a fixed run of them, in order. */
const SEQUENCES: Record<string, string> = {
  ideographTraditional: '甲乙丙丁戊己庚辛壬癸',
  ideographZodiac: '子丑寅卯辰巳午未申酉戌亥',
  decimalEnclosedCircle: CIRCLED,
  decimalEnclosedCircleChinese: CIRCLED,
  ideographEnclosedCircle: CIRCLED,
  decimalEnclosedParen: '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇',
  decimalEnclosedFullstop: '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛',
};

/** CSS list styles (and `<ol type>`) that count: the number format each writes, and what follows the number. */
const LIST_STYLES: Record<string, [format: string, suffix: string]> = {
  '1': ['decimal', '. '],
  decimal: ['decimal', '. '],
  'decimal-leading-zero': ['decimalZero', '. '],
  a: ['lowerLetter', '. '],
  'lower-alpha': ['lowerLetter', '. '],
  'lower-latin': ['lowerLetter', '. '],
  A: ['upperLetter', '. '],
  'upper-alpha': ['upperLetter', '. '],
  'upper-latin': ['upperLetter', '. '],
  i: ['lowerRoman', '. '],
  'lower-roman': ['lowerRoman', '. '],
  I: ['upperRoman', '. '],
  'upper-roman': ['upperRoman', '. '],
  'cjk-ideographic': ['chineseCounting', '、'],
  'simp-chinese-informal': ['chineseCounting', '、'],
  'trad-chinese-informal': ['chineseCounting', '、'],
  'simp-chinese-formal': ['chineseLegalSimplified', '、'],
  'cjk-decimal': ['cjkDecimal', '、'],
  'cjk-heavenly-stem': ['ideographTraditional', '、'],
  'cjk-earthly-branch': ['ideographZodiac', '、'],
};

/**
 * An ordered list's item label as a browser draws it, for the CSS `list-style-type` (or the `type`
 * attribute of `<ol>`: 1 a A i I) and the item's number: `1. `, `a. `, `一、`, `甲、`. Undefined for
 * a style that is not a counting one (`none`, bullets) or not known.
 */
export function listMarker(n: number, style: string): string | undefined {
  const known = Object.hasOwn(LIST_STYLES, style) ? LIST_STYLES[style] : undefined;
  if (!known) return undefined;
  const [format, suffix] = known;
  // 〇一二… digit by digit (一〇 for 10), CSS's cjk-decimal
  const number = format === 'cjkDecimal' ? String(n).replace(/\d/g, (d) => CN[Number(d)]!) : formatNumber(n, format);
  return number + suffix;
}

/**
 * A number label typed at the start of a heading or item (一、 一. （一） (1) 1. 1、 ① 第一部分), as
 * opposed to one a list draws: a line that starts with one starts a paragraph of its own, an item
 * that has one keeps it alone, and a text that starts with one is a heading between tables.
 */
export const NUMBER_LABEL = /^\s*(?:[一二三四五六七八九十]+[、，,．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+(?:部分|章|节))/;
