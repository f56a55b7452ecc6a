import type { SourceRange } from '../util/mapped-text.js';

/** How a reader understood the input; decides which parser runs. */
export type InputKind = 'markdown' | 'text' | 'html' | 'docx' | 'pdf';

/** A position as the user sees it: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A problem the reader itself found (bad encoding, unreadable file, …). */
export interface ReaderNotice {
  ruleId: string;
  severity: 'error' | 'warning';
  messageId: string;
  data?: Record<string, string | number>;
  range?: SourceRange;
  messages: { zh: string; en: string };
}

/**
 * The output of the read stage: the text handed to the parser, plus the means to turn an
 * offset in that text into a position in the file as the user sees it.
 */
export interface SourceDocument {
  /** path as given on the command line (or the --stdin-filename) */
  filePath: string;
  kind: InputKind;
  /** decoded text the parser reads (Markdown, plain text, or HTML), normalised (see `original`) */
  text: string;
  /**
   * The text as decoded, when `text` is a normalised view of it (hard-wrapped lines re-joined, page
   * numbers dropped, …). Fixes are applied to this text; `toOriginal` maps offsets into it.
   */
  original?: string;
  /** offset in `original` of an offset in `text` (present with `original`) */
  toOriginal?(offset: number): number;
  /** encoding the bytes were decoded from, e.g. utf-8, gb18030, utf-16le */
  encoding: string;
  /** the file began with a byte-order mark (not part of `text`); kept when the file is rewritten */
  bom?: boolean;
  /** position in the user's file of an offset in `text` */
  position(offset: number): Position;
  /**
   * Optional words that help a user find an offset where line/column mean little
   * (e.g. "第 12 段「一、总体情况」" for a Word document).
   */
  describe?(offset: number, locale?: 'zh' | 'en'): string | undefined;
  /**
   * Offsets in `text`, in order, where a picture stands that `text` does not show (an image drawn
   * on a PDF page: a table pasted as a picture, a scanned page). Markdown, HTML and Word show their
   * pictures in the text itself.
   */
  pictures?: number[];
  /** problems found while reading; they become diagnostics */
  notices: ReaderNotice[];
  /** true when the reader could not produce any text (the file is reported, not linted) */
  unreadable?: boolean;
}
