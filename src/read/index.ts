import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineIndex } from './lines.js';
import type { InputKind, ReaderNotice, SourceDocument } from './types.js';

export type { SourceDocument, InputKind, ReaderNotice, Position } from './types.js';

export interface ReadOptions {
  /** force an encoding instead of detecting it */
  encoding?: string;
  /** largest file accepted, in bytes */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

const EXTENSION_KINDS: Record<string, InputKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

/** File extensions the linter reads when given a directory. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSION_KINDS);

export function kindForPath(filePath: string): InputKind | undefined {
  return EXTENSION_KINDS[path.extname(filePath).toLowerCase()];
}

/** A document built from text already decoded; positions are plain line/column. */
export function textDocument(filePath: string, kind: InputKind, text: string, encoding = 'utf-8', notices: ReaderNotice[] = []): SourceDocument {
  const lines = new LineIndex(text);
  return {
    filePath,
    kind,
    text,
    encoding,
    position: (offset) => lines.position(offset),
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

/** Decode bytes into text. UTF-8 (with or without BOM). */
export function decode(buf: Uint8Array, _opts: ReadOptions = {}): { text: string; encoding: string; notices: ReaderNotice[] } {
  let bytes = buf;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, encoding: 'utf-8', notices: [] };
}

/** Read bytes already in memory (stdin, tests). */
export function readBuffer(buf: Uint8Array, filePath: string, opts: ReadOptions = {}): SourceDocument {
  const kind = kindForPath(filePath) ?? 'text';
  const { text, encoding, notices } = decode(buf, opts);
  return textDocument(filePath, kind, text, encoding, notices);
}

/** Read a file from disk. Never throws: an unreadable file comes back as a document that says so. */
export async function readPath(filePath: string, opts: ReadOptions = {}): Promise<SourceDocument> {
  try {
    const st = await stat(filePath);
    const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (st.isDirectory()) {
      return unreadableDocument(filePath, fileUnreadable('directory', {}, { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' }));
    }
    if (st.size > max) {
      return unreadableDocument(
        filePath,
        fileUnreadable('tooLarge', { size: st.size, max }, { zh: '文件过大（{size} 字节），超过上限 {max} 字节（可用 --max-file-size 调整）', en: 'file too large ({size} bytes), over the limit of {max} bytes (see --max-file-size)' }),
      );
    }
    const buf = await readFile(filePath);
    return readBuffer(buf, filePath, opts);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return unreadableDocument(filePath, fileUnreadable('io', { code }, { zh: '无法读取文件（{code}）', en: 'cannot read the file ({code})' }));
  }
}
