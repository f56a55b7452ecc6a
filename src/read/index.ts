import { normaliseText } from './normalise.js';
import { formatByteSize } from '../util/size.js';
export { formatByteSize };
import { LineIndex } from './lines.js';
import type { InputKind, ReaderNotice, SourceDocument } from './types.js';
import { decodeBytes } from './decode.js';
import { FORMAT_ADVICE, FORMAT_NAMES, looksLikeMarkdown, sniffFormat, type SniffedFormat } from './sniff.js';
import { damageOf, readDocx } from './docx.js';
import { looksLikeMht, mhtToHtml } from './mht.js';
import { readPdf } from './pdf.js';
import { pdfAssetLocations } from '../config/data.js';
import { looksLikeHtml, looksLikeHtmlFragment, sniffHtmlCharset } from './html.js';
import { EXTENSION_KINDS } from './extensions.js';

export type { SourceDocument, InputKind, ReaderNotice, Position } from './types.js';

export interface ReadOptions {
  /** force an encoding instead of detecting it */
  encoding?: string;
  /** largest file accepted, in bytes */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/**
 * A size as people write it: 20000000, 20MB, 512k, 1.5 GiB (units of 1024). Undefined when it
 * is not a size.
 */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * unit);
  return n > 0 ? n : undefined;
}

/** Messages for read options given on the command line. */
export const READ_OPTION_MESSAGES = {
  badSize: { zh: '--max-file-size 的值“{value}”不是大小（例如 20MB、512k、1000000）', en: '--max-file-size "{value}" is not a size (e.g. 20MB, 512k, 1000000)' },
  badEncoding: { zh: '--encoding 的值“{value}”不是已知的编码（例如 utf-8、gbk、gb18030、utf-16le）', en: '--encoding "{value}" is not a known encoding (e.g. utf-8, gbk, gb18030, utf-16le)' },
};

export { EXTENSION_KINDS, SUPPORTED_EXTENSIONS } from './extensions.js';

/** The extension of a file name, dot included, as node:path's extname gives it ('' for none or a dot file). */
export function extname(filePath: string): string {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export function kindForPath(filePath: string): InputKind | undefined {
  return EXTENSION_KINDS[extname(filePath).toLowerCase()];
}

/** A document built from text already decoded; positions are plain line/column. */
export function textDocument(filePath: string, kind: InputKind, text: string, encoding = 'utf-8', notices: ReaderNotice[] = []): SourceDocument {
  const lines = new LineIndex(text);
  const norm = kind === 'text' || kind === 'markdown' ? normaliseText(text, kind) : undefined;
  if (!norm || norm.text === text) {
    return { filePath, kind, text, encoding, position: (offset) => lines.position(offset), notices };
  }
  return {
    filePath,
    kind,
    text: norm.text,
    original: text,
    toOriginal: norm.toRaw,
    encoding,
    position: (offset) => lines.position(norm.toRaw(offset)),
    notices,
  };
}

/** A document that could not be read: it carries only the notice that says why. */
export function unreadableDocument(filePath: string, notice: ReaderNotice): SourceDocument {
  const doc = textDocument(filePath, 'text', '', 'binary', [notice]);
  doc.unreadable = true;
  return doc;
}

export function fileUnreadable(reason: string, data: Record<string, string | number>, messages: { zh: string; en: string }): ReaderNotice {
  return { ruleId: 'file-unreadable', severity: 'error', messageId: reason, data, messages };
}

/** Decode bytes into text (see `decode.ts` for how the encoding is chosen). */
export function decode(buf: Uint8Array, opts: ReadOptions = {}): { text: string; encoding: string; notices: ReaderNotice[] } {
  const { text, encoding, notices } = decodeBytes(buf, { encoding: opts.encoding });
  return { text, encoding, notices };
}

/** The reasons a file is not read, in plain words. */
const REASONS = {
  empty: { zh: '文件是空的', en: 'the file is empty' },
  directory: { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' },
  notAFile: { zh: '这不是普通文件（设备、管道或套接字）', en: 'this is not a regular file (a device, pipe or socket)' },
  tooLarge: {
    zh: '文件过大（{size}），超过上限 {max}（可用 --max-file-size 调整）',
    en: 'file too large ({size}), over the limit of {max} (see --max-file-size)',
  },
  binary: {
    zh: '文件内容不是文本（含控制字符或二进制数据），无法检查',
    en: 'the file is not text (it holds control characters or binary data) and cannot be checked',
  },
  unsupportedFormat: { zh: '这是 {format}，不是可检查的文本；{advice}', en: 'this is {formatEn}, not text that can be checked; {adviceEn}' },
  notDocx: {
    zh: '扩展名是 .docx，但内容不是 Word 文档（文件可能已损坏或被改名）',
    en: 'the name ends in .docx but the content is not a Word document (damaged or renamed?)',
  },
  notPdf: {
    zh: '扩展名是 .pdf，但内容不是 PDF 文件（文件可能已损坏或被改名）',
    en: 'the name ends in .pdf but the content is not a PDF file (damaged or renamed?)',
  },
  pdfNeedsAsync: {
    zh: 'PDF 文件需用异步读取接口（readPath 或 readBytes）读取',
    en: 'a PDF file needs the asynchronous reader (readPath or readBytes)',
  },
  mhtNeedsAsync: {
    zh: '网页存档（MHT）需用异步读取接口（readPath 或 readBytes）读取',
    en: 'a web archive (MHT) needs the asynchronous reader (readPath or readBytes)',
  },
  mhtEmpty: { zh: '网页存档（MHT）中没有网页或文字', en: 'the web archive (MHT) holds no page and no text' },
  mhtCorrupt: { zh: '网页存档（MHT）已损坏，无法读取', en: 'the web archive (MHT) is damaged and cannot be read' },
  docxNeedsFile: {
    zh: 'Word 文档无法从标准输入读取，请直接给出文件路径',
    en: 'a Word document cannot be read from standard input; give its path instead',
  },
  unknownEncoding: { zh: '不认识的编码名称“{encoding}”（--encoding）', en: 'unknown encoding name "{encoding}" (--encoding)' },
  io: { zh: '无法读取文件：{cause}', en: 'cannot read the file: {causeEn}' },
} satisfies Record<string, { zh: string; en: string }>;

/** Operating-system errors in plain words. */
const IO_CAUSES: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  ELOOP: { zh: '符号链接形成循环', en: 'symbolic links form a loop' },
  ENAMETOOLONG: { zh: '路径过长', en: 'the path is too long' },
  ENOTDIR: { zh: '路径中有一段不是目录', en: 'a part of the path is not a folder' },
  EISDIR: { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
  EIO: { zh: '输入输出错误', en: 'input/output error' },
};

function unreadable(filePath: string, reason: keyof typeof REASONS, data: Record<string, string | number> = {}): SourceDocument {
  return unreadableDocument(filePath, fileUnreadable(reason, data, REASONS[reason]));
}

function unsupported(filePath: string, format: SniffedFormat | 'zipOther'): SourceDocument {
  const name = FORMAT_NAMES[format];
  const advice = FORMAT_ADVICE[format] ?? { zh: '请提供 .docx、.pdf、.html、.md 或 .txt 文件', en: 'provide a .docx, .pdf, .html, .md or .txt file' };
  return unreadable(filePath, 'unsupportedFormat', { format: name.zh, formatEn: name.en, advice: advice.zh, adviceEn: advice.en });
}

function tooLarge(filePath: string, size: number, max: number): SourceDocument {
  return unreadable(filePath, 'tooLarge', { size: formatByteSize(size), max: formatByteSize(max) });
}

/** `%PDF-` within the first kilobyte: readers accept a few bytes of junk before the header. */
function pdfHeaderNearStart(buf: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(buf.subarray(0, 1024)).includes('%PDF-');
}

/**
 * Everything but the Word and PDF paths: judge the bytes by content, decode, and choose the
 * parser. Returns 'zip' or 'pdf' when the bytes are a file that only the asynchronous readers
 * can open.
 */
function readTextBytes(buf: Uint8Array, filePath: string, opts: ReadOptions): SourceDocument | 'zip' | 'pdf' | 'mht' {
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (buf.length === 0) return unreadable(filePath, 'empty');
  if (buf.length > max) return tooLarge(filePath, buf.length, max);
  const format = sniffFormat(buf);
  if (format === 'zip' || format === 'pdf') return format;
  if (format) return unsupported(filePath, format);
  // a web archive, whatever its name (office systems name them .doc)
  if (!opts.encoding && looksLikeMht(buf)) return 'mht';

  const extKind = kindForPath(filePath);
  if (extKind === 'pdf' && pdfHeaderNearStart(buf)) return 'pdf';
  const declared = extKind === 'markdown' ? undefined : sniffHtmlCharset(buf);
  const decoded = decodeBytes(buf, { encoding: opts.encoding, declared });
  if (decoded.unknownEncoding !== undefined) return unreadable(filePath, 'unknownEncoding', { encoding: decoded.unknownEncoding });
  if (decoded.binary) return unreadable(filePath, 'binary');
  if (decoded.text.trim() === '') return unreadable(filePath, 'empty');

  let kind: InputKind = extKind ?? 'text';
  if (kind !== 'markdown' && kind !== 'html' && looksLikeHtml(decoded.text)) {
    // Word's "save as web page" and pages saved from a browser, whatever their name says
    kind = 'html';
  } else if (kind === 'text' && looksLikeMarkdown(decoded.text)) {
    // a report written in Markdown, saved as .txt or given without a name
    kind = 'markdown';
  } else if (kind === 'text' && looksLikeHtmlFragment(decoded.text)) {
    // an article's HTML without the page around it (a content system's, a crawler's)
    kind = 'html';
  } else if (kind === 'docx') {
    return unreadable(filePath, 'notDocx');
  } else if (kind === 'pdf') {
    return unreadable(filePath, 'notPdf');
  }
  const doc = textDocument(filePath, kind, decoded.text, decoded.encoding, decoded.notices);
  doc.bom = decoded.bom;
  return doc;
}

/**
 * Read bytes already in memory (stdin, tests), synchronously. Everything but Word documents and
 * PDF files, which need `readBytes`. Never throws.
 */
export function readBuffer(buf: Uint8Array, filePath: string, opts: ReadOptions = {}): SourceDocument {
  const doc = readTextBytes(buf, filePath, opts);
  if (doc === 'zip') return unreadable(filePath, 'docxNeedsFile');
  if (doc === 'pdf') return unreadable(filePath, 'pdfNeedsAsync');
  if (doc === 'mht') return unreadable(filePath, 'mhtNeedsAsync');
  return doc;
}

/** A web archive read as the page it holds. */
async function readMht(buf: Uint8Array, filePath: string): Promise<SourceDocument> {
  let html: string | undefined;
  try {
    html = await mhtToHtml(buf);
  } catch {
    return unreadable(filePath, 'mhtCorrupt');
  }
  if (html === undefined || html.trim() === '') return unreadable(filePath, 'mhtEmpty');
  return textDocument(filePath, 'html', html);
}

/** Read bytes already in memory, Word documents and PDF files included. Never throws. */
export async function readBytes(buf: Uint8Array, filePath: string, opts: ReadOptions = {}): Promise<SourceDocument> {
  const doc = readTextBytes(buf, filePath, opts);
  if (doc === 'mht') return readMht(buf, filePath);
  if (doc === 'pdf') {
    const pdf = await readPdf(buf, filePath, pdfAssetLocations());
    return 'failure' in pdf ? unreadableDocument(filePath, pdf.failure) : pdf;
  }
  if (doc !== 'zip') return doc;
  try {
    const docx = await readDocx(buf, filePath);
    return 'failure' in docx ? unreadableDocument(filePath, docx.failure) : docx;
  } catch (err) {
    const damage = damageOf(String((err as Error)?.message ?? err));
    return unreadableDocument(
      filePath,
      fileUnreadable('corruptDocx', { detail: damage.zh, detailEn: damage.en }, {
        zh: 'Word 文档已损坏或不完整，无法读取：{detail}',
        en: 'the Word document is damaged or incomplete and cannot be read: {detailEn}',
      }),
    );
  }
}

/** The file system, loaded on the first read from disk (the rest of the reader runs in a browser). */
let fs: typeof import('node:fs') | undefined;

/**
 * Read a file from disk. Never throws: an unreadable file comes back as a document that says so.
 * The file is read in one synchronous call once its size is known: a report is read whole before
 * anything else is done with it, and the promise-based calls cost several times the CPU per file
 * (a request to the thread pool for each step).
 */
export async function readPath(filePath: string, opts: ReadOptions = {}): Promise<SourceDocument> {
  let buf: Buffer;
  try {
    fs ??= await import('node:fs');
    const st = fs.statSync(filePath);
    if (st.isDirectory()) return unreadable(filePath, 'directory');
    if (!st.isFile()) return unreadable(filePath, 'notAFile');
    const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (st.size > max) return tooLarge(filePath, st.size, max);
    buf = fs.readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    const cause = IO_CAUSES[code] ?? { zh: code, en: code };
    return unreadable(filePath, 'io', { code, cause: cause.zh, causeEn: cause.en });
  }
  return readBytes(buf, filePath, opts);
}
