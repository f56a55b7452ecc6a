import { LineIndex } from './lines.js';
import { iconv, jschardet } from '../util/lazy.js';
import type { ReaderNotice } from './types.js';
import { readsBetter } from './common-chars.js';

/**
 * Turning bytes into text. Files from government systems are UTF-8, GBK/GB18030 or UTF-16, with
 * or without a byte-order mark. The order of judgement:
 *
 * 1. an encoding the user forced (`--encoding`), with a warning when the result is not Chinese text;
 * 2. a byte-order mark (UTF-8, UTF-16 LE/BE, GB18030);
 * 3. UTF-16 without a mark, told by NUL bytes on every other position (ASCII digits and line
 *    breaks in UTF-16 carry a NUL byte; UTF-8 and GB18030 text never does);
 * 4. valid UTF-8 is UTF-8 (a sequence cut off at the very end — a truncated download — still is);
 * 5. the charset an HTML page declares;
 * 6. GB18030 (a superset of GBK and GB2312), when the result reads as Chinese text;
 * 7. jschardet's guess, only when it decodes the bytes more cleanly than the above (it is weak on
 *    short Chinese texts, so it breaks ties rather than decides);
 * 8. otherwise UTF-8 with replacement characters, and a warning that names the lines.
 */

export interface Decoded {
  text: string;
  /** iconv-lite name of the encoding, lower case: utf-8, utf-16le, utf-16be, gb18030, … */
  encoding: string;
  /** the bytes began with a byte-order mark (it is not part of `text`) */
  bom: boolean;
  notices: ReaderNotice[];
  /** the bytes are not text in any encoding tried (control bytes, NULs) */
  binary: boolean;
  /** the forced encoding does not exist */
  unknownEncoding?: string;
}

const SAMPLE = 64 * 1024;

interface Bom {
  encoding: string;
  bytes: number[];
}

const BOMS: Bom[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(buf: Uint8Array): Bom | undefined {
  return BOMS.find((b) => b.bytes.every((x, i) => buf[i] === x));
}

/** Canonical iconv-lite name for what a user may type: GBK, gb2312, UTF8, utf-16, … */
export function normaliseEncoding(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, string> = {
    utf8: 'utf-8',
    'utf-16': 'utf-16le',
    utf16: 'utf-16le',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
    ucs2: 'utf-16le',
    'ucs-2': 'utf-16le',
    gb2312: 'gb18030',
    gbk: 'gb18030',
    cp936: 'gb18030',
    'x-gbk': 'gb18030',
  };
  const canonical = aliases[n] ?? n;
  return iconv().encodingExists(canonical) ? canonical : undefined;
}

/** UTF-16 without a mark: NULs concentrated on odd (LE) or even (BE) byte positions. */
function utf16ByNuls(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0) return undefined;
  // Chinese text has few ASCII characters, but every line break and digit gives one NUL; the
  // other side has NULs too, from 一 (U+4E00) and the ideographic space (U+3000), only fewer.
  const enough = (k: number): boolean => k >= 2 && k >= pairs * 0.02;
  if (enough(odd) && even * 1.5 < odd) return 'utf-16le';
  if (enough(even) && odd * 1.5 < even) return 'utf-16be';
  return undefined;
}

/** Count of U+FFFD in a string. */
function countReplacement(text: string): number {
  let k = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) k++;
  return k;
}

/** Count of EF BF BD (U+FFFD written in UTF-8) in bytes: replacement characters that were in the file. */
function countLiteralReplacement(buf: Uint8Array): number {
  let k = 0;
  for (let i = 0; i + 2 < buf.length; i++) if (buf[i] === 0xef && buf[i + 1] === 0xbf && buf[i + 2] === 0xbd) k++;
  return k;
}

/** Is this a CJK ideograph, CJK punctuation or full-width form — what Chinese text is made of. */
function isChineseChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, ellipsis
    (c >= 0x2460 && c <= 0x24ff) || // ①
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    c === 0x00b7 ||
    c === 0x00d7 ||
    c === 0x2116 ||
    (c >= 0x2160 && c <= 0x216b) // Ⅰ Ⅱ
  );
}

/** Share of the non-ASCII characters that are Chinese text (1 when there are none). */
export function chineseShare(text: string): number {
  let nonAscii = 0;
  let chinese = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isChineseChar(c)) chinese++;
  }
  return nonAscii === 0 ? 1 : chinese / nonAscii;
}

/** Control characters other than tab, line breaks and form feed: the mark of a binary file. */
export function controlShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b) || c === 0x7f) k++;
  }
  return k / n;
}

/** Lone surrogates: what UTF-16 decoding of bytes that are not UTF-16 produces. */
function hasLoneSurrogate(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** One UTF-8 decoder for every file (a call without `stream` starts afresh). */
let utf8Decoder: InstanceType<typeof TextDecoder> | undefined;

function decodeWith(buf: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return (utf8Decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(buf);
  return iconv().decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding, { stripBOM: false });
}

/** UTF-8 validity; a sequence cut off in the last three bytes (a truncated file) is tolerated. */
function utf8Quality(buf: Uint8Array, text: string): 'valid' | 'truncated' | 'invalid' {
  const replaced = countReplacement(text);
  // (no U+FFFD in the text: nothing to compare with the bytes)
  if (replaced === 0) return 'valid';
  const bad = replaced - countLiteralReplacement(buf);
  if (bad <= 0) return 'valid';
  if (bad === 1 && text.endsWith('\uFFFD') && buf.length > 0 && buf[buf.length - 1]! >= 0x80) {
    // a lead byte and fewer continuation bytes than it announces, at the end
    const tail = buf.subarray(Math.max(0, buf.length - 3));
    if (tail.some((b) => b >= 0xc0)) return 'truncated';
  }
  return 'invalid';
}

function replacementNotice(text: string, encoding: string): ReaderNotice | undefined {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return undefined;
  const lines = new LineIndex(text);
  const seen: number[] = [];
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    count++;
    const ln = lines.position(i).line;
    if (seen.length < 5 && seen[seen.length - 1] !== ln) seen.push(ln);
  }
  const more = count > 0 && seen.length === 5 ? '…' : '';
  return {
    ruleId: 'encoding',
    severity: 'warning',
    messageId: 'replacement',
    data: { line: seen[0]!, lines: seen.join('、') + more, linesEn: seen.join(', ') + more, count, encoding },
    range: { start: first, end: first + 1 },
    messages: {
      zh: '第 {lines} 行有 {count} 处字节无法按 {encoding} 解码，已替换为 �；请检查文件编码，或用 --encoding 指定',
      en: '{count} byte sequences on line {linesEn} could not be decoded as {encoding} and were replaced by �; check the file encoding or set it with --encoding',
    },
  };
}

/** A forced encoding that turned the bytes into something other than Chinese text. */
function implausibleNotice(text: string, encoding: string): ReaderNotice {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x80) i++;
  return {
    ruleId: 'encoding',
    severity: 'warning',
    messageId: 'implausible',
    data: { encoding },
    range: { start: Math.min(i, text.length), end: Math.min(i + 1, text.length) },
    messages: {
      zh: '按 {encoding} 解码后大多不是中文字符，--encoding 指定的编码可能不对',
      en: 'decoded as {encoding}, the text is mostly not Chinese; the encoding given with --encoding may be wrong',
    },
  };
}

function result(text: string, encoding: string, bom: boolean, lossy: boolean): Decoded {
  const notices: ReaderNotice[] = [];
  if (lossy) {
    const n = replacementNotice(text, encoding);
    if (n) notices.push(n);
  }
  // a stray NUL or Ctrl-Z in a text export is not enough; binary data has many
  const binary = controlShare(text) > 0.01;
  return { text, encoding, bom, notices, binary };
}

export interface DecodeOptions {
  /** decode with this encoding, detecting nothing */
  encoding?: string;
  /**
   * the encoding the file declares (an HTML page's charset); it is followed when the bytes are
   * not valid UTF-8 (pages that declare gb2312 and are in fact UTF-8 are common)
   */
  declared?: string;
}

/** Decode bytes into text, detecting the encoding unless one is forced. Never throws. */
export function decodeBytes(buf: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomOf(buf);

  if (opts.encoding) {
    const enc = normaliseEncoding(opts.encoding);
    if (!enc) return { text: '', encoding: opts.encoding, bom: false, notices: [], binary: false, unknownEncoding: opts.encoding };
    const hasBom = bom?.encoding === enc;
    const body = hasBom ? buf.subarray(bom.bytes.length) : buf;
    const text = decodeWith(body, enc);
    const lossy = enc === 'utf-8' ? utf8Quality(body, text) !== 'valid' : countReplacement(text) > 0;
    const decoded = result(text, enc, hasBom, lossy);
    if (!lossy && !decoded.binary && chineseShare(text) < 0.5) decoded.notices.push(implausibleNotice(text, enc));
    return decoded;
  }

  if (bom) {
    const body = buf.subarray(bom.bytes.length);
    const text = decodeWith(body, bom.encoding);
    const lossy = bom.encoding === 'utf-8' ? utf8Quality(body, text) !== 'valid' : countReplacement(text) > 0;
    return result(text, bom.encoding, true, lossy);
  }

  const utf16 = utf16ByNuls(buf);
  if (utf16) {
    const text = decodeWith(buf, utf16);
    if (!hasLoneSurrogate(text) && controlShare(text) < 0.01 && chineseShare(text) >= 0.5) return result(text, utf16, false, countReplacement(text) > 0);
  }

  const utf8 = decodeWith(buf, 'utf-8');
  const q = utf8Quality(buf, utf8);
  if (q !== 'invalid') return result(utf8, 'utf-8', false, q === 'truncated');

  const declared = opts.declared ? normaliseEncoding(opts.declared) : undefined;
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    const text = decodeWith(buf, declared);
    return result(text, declared, false, countReplacement(text) > 0);
  }

  const gb = decodeWith(buf, 'gb18030');
  const gbBad = countReplacement(gb);
  // UTF-8 with a few bytes broken (a converter that cut characters in two) reads as UTF-8: the same
  // bytes read as GB18030 decode with few losses, but into characters no report is written in
  const utf8Reads = readsBetter(utf8, gb);
  if (gbBad === 0 && chineseShare(gb) >= 0.7 && !utf8Reads) return result(gb, 'gb18030', false, false);

  // A tie-breaker only: jschardet's guess wins when it decodes with fewer losses than GB18030.
  const guess = guessEncoding(buf);
  if (guess && guess !== 'utf-8' && guess !== 'gb18030') {
    const text = decodeWith(buf, guess);
    const bad = countReplacement(text);
    if ((bad < gbBad || (bad === 0 && chineseShare(text) > chineseShare(gb))) && !readsBetter(utf8, text)) return result(text, guess, false, bad > 0);
  }
  if ((gbBad === 0 || gbBad * 4 < countReplacement(utf8)) && !utf8Reads) return result(gb, 'gb18030', false, gbBad > 0);
  return result(utf8, 'utf-8', false, true);
}

function guessEncoding(buf: Uint8Array): string | undefined {
  const detector = jschardet();
  try {
    const sample = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, SAMPLE));
    const g = detector.detect(sample);
    if (!g.encoding || g.confidence < 0.5) return undefined;
    return normaliseEncoding(g.encoding);
  } catch {
    return undefined;
  }
}

/** Bytes for text in an encoding, with the byte-order mark when the original had one. */
export function encodeText(text: string, encoding: string, bom: boolean): Buffer {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv().encode(text, encoding);
  if (!bom) return body;
  const mark = BOMS.find((b) => b.encoding === encoding);
  return mark ? Buffer.concat([Buffer.from(mark.bytes), body]) : body;
}
