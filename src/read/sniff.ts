/**
 * What a file is, judged by its first bytes rather than its name: a PDF saved as report.txt is
 * still read as a PDF. Only formats seen in batches of submitted reports are named; anything else that is
 * not text is caught later as binary by the decoder.
 */

/** Formats recognised by their magic number. `zip` covers .docx (a zip of XML parts). */
export type SniffedFormat =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'bmp'
  | 'tiff'
  | 'webp'
  | 'zip'
  | 'ole'
  | 'rtf'
  | 'elf'
  | 'exe'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'ofd';

interface Magic {
  format: SniffedFormat;
  bytes: number[];
  /** where the magic number starts (default 0) */
  at?: number;
}

const MAGICS: Magic[] = [
  { format: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { format: 'bmp', bytes: [0x42, 0x4d], at: 0 },
  { format: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { format: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { format: 'webp', bytes: [0x57, 0x45, 0x42, 0x50], at: 8 }, // RIFF....WEBP
  { format: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty archive
  { format: 'zip', bytes: [0x50, 0x4b, 0x07, 0x08] }, // spanned archive
  { format: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // .doc, .wps, .xls
  { format: 'rtf', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] }, // {\rtf
  { format: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { format: 'exe', bytes: [0x4d, 0x5a] }, // MZ
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: 'rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
];

function startsWith(buf: Uint8Array, bytes: number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/**
 * The format a buffer's magic number names, or undefined for anything else (text, usually).
 * Two-byte magics (BM, MZ) also begin ordinary ASCII text, so they count only when the bytes that
 * follow are not text.
 */
export function sniffFormat(buf: Uint8Array): SniffedFormat | undefined {
  for (const m of MAGICS) {
    if (!startsWith(buf, m.bytes, m.at)) continue;
    if (m.format === 'webp' && !startsWith(buf, [0x52, 0x49, 0x46, 0x46])) continue;
    if ((m.format === 'bmp' || m.format === 'exe') && !hasBinaryBytes(buf.subarray(0, 512))) continue;
    return m.format;
  }
  return undefined;
}

/** A zip's entry names decide between .docx, .ofd (China's fixed-layout format), and other archives. */
export function zipFlavour(entryNames: Iterable<string>): 'docx' | 'ofd' | 'other' {
  let ofd = false;
  for (const n of entryNames) {
    if (n === 'word/document.xml') return 'docx';
    if (n === 'OFD.xml') ofd = true;
  }
  return ofd ? 'ofd' : 'other';
}

/** Control bytes other than tab, line feed, form feed and carriage return. */
export function hasBinaryBytes(buf: Uint8Array): boolean {
  for (const b of buf) {
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  }
  return false;
}

/** Plain words for each format, for the message that says it cannot be read. */
export const FORMAT_NAMES: Record<SniffedFormat | 'zipOther', { zh: string; en: string }> = {
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  png: { zh: 'PNG 图片', en: 'a PNG image' },
  jpeg: { zh: 'JPEG 图片', en: 'a JPEG image' },
  gif: { zh: 'GIF 图片', en: 'a GIF image' },
  bmp: { zh: 'BMP 图片', en: 'a BMP image' },
  tiff: { zh: 'TIFF 图片（可能是扫描件）', en: 'a TIFF image (a scan, perhaps)' },
  webp: { zh: 'WebP 图片', en: 'a WebP image' },
  zip: { zh: 'ZIP 压缩包', en: 'a ZIP archive' },
  zipOther: { zh: 'ZIP 压缩包（不是 Word 文档）', en: 'a ZIP archive that is not a Word document' },
  ole: { zh: '旧版 Word/WPS 文档（.doc/.wps）或加密的 Office 文档', en: 'an old Word/WPS document (.doc/.wps) or an encrypted Office document' },
  rtf: { zh: 'RTF 文档', en: 'an RTF document' },
  elf: { zh: '可执行程序（ELF）', en: 'an executable (ELF)' },
  exe: { zh: '可执行程序（Windows）', en: 'an executable (Windows)' },
  gzip: { zh: 'gzip 压缩文件', en: 'a gzip archive' },
  rar: { zh: 'RAR 压缩包', en: 'a RAR archive' },
  '7z': { zh: '7z 压缩包', en: 'a 7z archive' },
  ofd: { zh: 'OFD 版式文件', en: 'an OFD fixed-layout document' },
};

/** What the user can do instead, per format. */
export const FORMAT_ADVICE: Partial<Record<SniffedFormat | 'zipOther', { zh: string; en: string }>> = {
  ole: { zh: '请在 Word/WPS 中取消密码并另存为 .docx', en: 'remove any password and save it as .docx in Word/WPS' },
  rtf: { zh: '请在 Word/WPS 中另存为 .docx', en: 'save it as .docx in Word/WPS' },
  ofd: { zh: '请提供 .docx、.pdf、.html 或文本版本', en: 'provide a .docx, .pdf, .html or text version' },
};

/**
 * A line only Markdown writes: a heading marked with `#` (`## 一、总体情况`: one to six `#`, then a
 * space), a line wholly in bold (`**一、总体情况**`), as converters and editors mark headings, or a
 * title underlined with `=` (a setext heading, as turndown writes one).
 */
const MARKED_LINE = /^ {0,3}(?:#{1,6}[ \t]+\S|\*\*[^*\n]+\*\*[ \t]*$|__[^_\n]+__[ \t]*$)|^[^\n]*\S[ \t]*\r?\n {0,3}={3,}[ \t]*$/gm;
/**
 * Where a table only Markdown writes may start: a GFM table's delimiter row (`| --- | :---: |`,
 * two cells or more; `delimiterRow` reads the line whole), or a table in HTML at the start of a line
 * (converters keep a table with merged cells as HTML). (No repeated group: a hostile line of a
 * million `|-` would overflow the regular expression engine's stack.)
 */
const MARKDOWN_TABLE = /^ {0,3}(?:\|?[ \t]*:?-+:?[ \t]*\||<table[\s>])/gim;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** Whether the line at `at` is a GFM delimiter row (lines over 4,000 characters are not). */
function delimiterRow(text: string, at: number): boolean {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end - at > 4000) return false;
  let line = text.slice(at, end).trim();
  if (line.startsWith('|')) line = line.slice(1);
  if (line.endsWith('|')) line = line.slice(0, -1);
  const cells = line.split('|');
  return cells.length >= 2 && cells.every((c) => DELIMITER_CELL.test(c));
}

/** Whether the text holds a table as Markdown writes one. */
function markdownTable(text: string): boolean {
  MARKDOWN_TABLE.lastIndex = 0;
  for (let m = MARKDOWN_TABLE.exec(text); m; m = MARKDOWN_TABLE.exec(text)) {
    if (m[0].trimStart().startsWith('<') || delimiterRow(text, m.index)) return true;
    // (past the line: the next candidate starts a later line)
    const next = text.indexOf('\n', m.index);
    if (next < 0) return false;
    MARKDOWN_TABLE.lastIndex = next + 1;
  }
  return false;
}

/**
 * Whether a text is written in Markdown, whatever its name: two lines marked as only Markdown marks
 * them (headings with `#` or underlined with `=`, lines in bold), or one and a table as Markdown
 * writes one. Reports written in Markdown (an editor's export, a converter's or a crawler's output)
 * are often saved as `.txt` or given on standard input; read as plain text, their headings keep their
 * marks and are not found. Plain text copied out of Word, a PDF or a web page never marks lines so
 * (a `#话题#` has no space after `#`).
 */
export function looksLikeMarkdown(text: string): boolean {
  MARKED_LINE.lastIndex = 0;
  let marked = 0;
  while (MARKED_LINE.exec(text)) if (++marked >= 2) return true;
  return marked === 1 && markdownTable(text);
}
