/**
 * What an HTML page says about itself before it is decoded. Government pages are often served
 * as GB2312/GBK and say so only in a `<meta>` tag; the byte decoder asks here first.
 */

/** How many leading bytes are searched for a charset declaration (the HTML standard says 1024). */
const SNIFF_BYTES = 4096;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
const XML_ENCODING = /<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)/i;

/**
 * The charset an HTML page declares, lower-cased (`gb2312`, `gbk`, `utf-8`, …), or undefined
 * when it declares none. Reads `<meta charset=…>`, `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">` and an XML declaration, in the first few kilobytes only.
 * The bytes are read as Latin-1, so the search works whatever the real encoding is (UTF-16
 * pages are recognised by their byte order mark instead).
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  // comments may hold stale declarations
  const text = head.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  const m = META_CHARSET.exec(text) ?? XML_ENCODING.exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** True when text looks like an HTML page rather than prose (for input without a telling extension). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2048));
}

/**
 * The elements an article's text stands in, as content systems and editors write it (a regular
 * expression's alternatives): what opens a piece of a page (with a table, a line break or a rule),
 * and the HTML blocks of a Markdown file read as a page's (../parse/html-in-markdown.ts).
 */
export const ARTICLE_TEXT_ELEMENTS = 'p|div|h[1-6]|center|section|article|ul|ol|font|span|strong|b';

/** The start of a piece of a page: its first element a block of the article (comments before it). */
const FRAGMENT_START = new RegExp(`^\\s*(?:<!--[\\s\\S]*?-->\\s*)*<(?:${ARTICLE_TEXT_ELEMENTS}|table|br|hr)[\\s>/]`, 'i');
const BLOCK_CLOSE = /<\/(?:p|div|h[1-6]|table|tr|td|li)\s*>/gi;

/**
 * Whether a text is a piece of a web page without the page around it: the article's HTML as a
 * content system stores it and crawlers save it (`<p>一、总体情况</p><table>…`), under any name. It
 * starts with a block of the article and closes three blocks at least.
 */
export function looksLikeHtmlFragment(text: string): boolean {
  if (!FRAGMENT_START.test(text.slice(0, 2048))) return false;
  BLOCK_CLOSE.lastIndex = 0;
  let n = 0;
  while (BLOCK_CLOSE.exec(text)) if (++n >= 3) return true;
  return false;
}
