import { randomBytes } from 'node:crypto';
import { readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { LintMessage, TextEdit } from '../diagnostic.js';
import type { SourceDocument } from '../read/types.js';
import { encodeText } from '../read/decode.js';

/**
 * Applying the fixes rules propose. A fix replaces a range of the parsed text (offsets into
 * `SourceDocument.text`). Fixes are applied from the start of the text on; one that overlaps a fix
 * already taken is left for the next run, as ESLint does. Input files are written only by
 * `writeFixed`, and only when what was read can be written back byte for byte.
 */

export interface AppliedFixes {
  /** the text with the fixes applied */
  output: string;
  /** messages whose fix was applied */
  applied: LintMessage[];
  /** messages whose fix overlapped another or had a range outside the text */
  skipped: LintMessage[];
}

/** The line ending a text mostly uses. */
export function lineEnding(text: string): '\r\n' | '\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

function validRange(fix: TextEdit, length: number): boolean {
  const [a, b] = fix.range;
  return Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= length && typeof fix.text === 'string';
}

/** Apply the non-overlapping fixes carried by `messages` to `text`. Pure; never throws. */
export function applyFixes(text: string, messages: readonly LintMessage[]): AppliedFixes {
  const eol = lineEnding(text);
  const withFix = messages.filter((m) => m.fix);
  const ordered = [...withFix].sort((x, y) => x.fix!.range[0] - y.fix!.range[0] || x.fix!.range[1] - y.fix!.range[1]);
  const applied: LintMessage[] = [];
  const skipped: LintMessage[] = [];
  const parts: string[] = [];
  let cursor = 0;
  let lastStart = -1;
  for (const m of ordered) {
    const fix = m.fix!;
    const [start, end] = fix.range;
    // overlapping, or a second insertion at the same point (their order would be a guess)
    if (!validRange(fix, text.length) || start < cursor || (start === lastStart && start === cursor)) {
      skipped.push(m);
      continue;
    }
    parts.push(text.slice(cursor, start), eol === '\n' ? fix.text : fix.text.replace(/\r?\n/g, eol));
    cursor = end;
    lastStart = start;
    applied.push(m);
  }
  parts.push(text.slice(cursor));
  return { output: parts.join(''), applied, skipped };
}

/** A unified diff between the text read and the fixed text (what --fix-dry-run prints). */
export function fixDiff(filePath: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(filePath, filePath, before, after, undefined, undefined, { context: 3 });
}

export type WriteRefusal = 'notInPlace' | 'lossyDecode' | 'changed' | 'unreadable' | 'io' | 'stdin';

export type WriteOutcome = { written: true; path: string } | { written: false; reason: WriteRefusal; detail?: string };

/** Why a fixed file was not written, in both languages. */
export const REFUSALS: Record<WriteRefusal, { zh: string; en: string }> = {
  notInPlace: {
    zh: '{file}：{kind} 文件不能就地修复；请用 --fix-dry-run 查看修改，再在原编辑软件中改正',
    en: '{file}: {kind} files cannot be fixed in place; use --fix-dry-run to see the changes and make them in the original editor',
  },
  lossyDecode: {
    zh: '{file}：文件中有无法解码的字节，写回会损坏内容，未修改',
    en: '{file}: the file has bytes that could not be decoded; writing it back would damage it, so it was left alone',
  },
  changed: {
    zh: '{file}：文件在检查后已被修改（或无法按原编码原样写回），未修改',
    en: '{file}: the file changed after it was checked (or cannot be written back in its encoding unchanged), so it was left alone',
  },
  stdin: {
    zh: '{file}：标准输入不会被写回；请用 --fix-dry-run 查看修改',
    en: '{file}: standard input is not written back; use --fix-dry-run to see the changes',
  },
  unreadable: { zh: '{file}：文件无法读取，未修改', en: '{file}: the file could not be read, so it was left alone' },
  io: { zh: '{file}：写入失败（{detail}），原文件未改动', en: '{file}: writing failed ({detail}); the original is unchanged' },
};

const NOT_IN_PLACE = new Set<SourceDocument['kind']>(['docx', 'html', 'pdf']);

/** Whether the fixed text of a document may be written back into its file. */
export function fixableInPlace(doc: SourceDocument): WriteRefusal | undefined {
  if (doc.unreadable) return 'unreadable';
  if (NOT_IN_PLACE.has(doc.kind)) return 'notInPlace';
  if (doc.notices.some((n) => n.ruleId === 'encoding')) return 'lossyDecode';
  return undefined;
}

/**
 * Write the fixed text back into the document's file, in its encoding, byte-order mark and line
 * endings. Only when the file on disk is still exactly what was read (re-encoding the text read
 * gives its bytes back) — otherwise someone changed it meanwhile, or the encoding does not
 * round-trip, and writing could corrupt it. Writes a temporary file in the same folder and
 * renames it over the original, so the file is never half-written; a symbolic link is followed
 * and its target replaced. Never throws.
 */
export async function writeFixed(doc: SourceDocument, output: string): Promise<WriteOutcome> {
  const refusal = fixableInPlace(doc);
  if (refusal) return { written: false, reason: refusal };
  let target: string;
  let mode: number;
  let current: Buffer;
  try {
    target = await realpath(doc.filePath);
    mode = (await stat(target)).mode & 0o7777;
    current = await readFile(target);
  } catch (err) {
    return { written: false, reason: 'io', detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  const bom = doc.bom ?? false;
  if (!encodeText(doc.original ?? doc.text, doc.encoding, bom).equals(current)) return { written: false, reason: 'changed' };
  const bytes = encodeText(output, doc.encoding, bom);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx', mode });
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    return { written: false, reason: 'io', detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  return { written: true, path: target };
}
