import type { InputKind } from './types.js';

/*
 * The files ogi-lint reads, by extension, in a module of their own: listing the files of a folder
 * needs this much and none of the readers.
 */

export const EXTENSION_KINDS: Record<string, InputKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  // web archives: the page they hold (./mht.ts)
  '.mht': 'html',
  '.mhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** File extensions the linter reads when given a directory. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSION_KINDS);
