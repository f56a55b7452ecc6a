import { vocabulary } from '../config/vocabulary.js';
import { halfWidthCode, toHalfWidth } from './numerals.js';
import { isSpace } from '../util/mapped-text.js';

/**
 * Lines of the web page, or of a crawler's dump, around a report: the header a crawler writes
 * (标题: …, 原文链接: https://…), the page's header and footer (主办单位, ICP备, 打印本页). Their
 * wording is data (src/vocabulary/page-chrome.json).
 */
interface PageChromeVocabulary {
  crawlerHeader: string[];
  chromeLine: string[];
  footerStart: string[];
  footerAnywhere: string[];
  pageNumber: string;
}

let built: { header: RegExp; headerStarts: Set<string> | undefined; chrome: RegExp; footer: RegExp; pageNumber: RegExp } | undefined;
function chrome(): NonNullable<typeof built> {
  if (!built) {
    const v = vocabulary<PageChromeVocabulary>('page-chrome');
    built = {
      // (a label of plain words may be spaced out to the width of its column: 索 引 号, 文　　号)
      header: new RegExp(`^\\s*(${v.crawlerHeader.map(spacedOut).join('|')})\\s*[:：]\\s*`, 'i'),
      headerStarts: labelStarts(v.crawlerHeader),
      chrome: new RegExp(v.chromeLine.join('|'), 'i'),
      footer: new RegExp(`^[【[]?\\s*(?:${v.footerStart.join('|')})|${v.footerAnywhere.join('|')}`),
      pageNumber: new RegExp(v.pageNumber),
    };
  }
  return built;
}

/** A label of plain words as an expression that also matches it spaced out (索 引 号); any other label as it is. */
function spacedOut(label: string): string {
  return /^[\p{L}\p{N}]+$/u.test(label) ? [...label].join('[\\s\\u3000]*') : label;
}

/**
 * The characters the labels start with, upper-cased as a case-insensitive expression compares them
 * (half-width: the header is looked for in the half-width text); undefined unless every label is a
 * plain word of letters and digits (a pattern may start otherwise).
 */
function labelStarts(labels: string[]): Set<string> | undefined {
  const starts = new Set<string>();
  for (const l of labels) {
    if (!/^[\p{L}\p{N}]+$/u.test(l)) return undefined;
    starts.add(String.fromCharCode(halfWidthCode(l.charCodeAt(0))).toUpperCase());
  }
  return starts;
}

/** A crawler's header line (原文链接: https://…): the label and the length of `label:` with spaces. */
export function crawlerHeader(line: string): { label: string; length: number } | undefined {
  const { header, headerStarts } = chrome();
  if (headerStarts) {
    // the label comes first, after white space: a line that starts otherwise is no header (white
    // space is the same in the half-width text, and a character is converted on its own)
    let i = 0;
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    if (i === line.length || !headerStarts.has(String.fromCharCode(halfWidthCode(line.charCodeAt(i))).toUpperCase())) return undefined;
  }
  const m = header.exec(toHalfWidth(line));
  // (the label as the vocabulary has it, without the spaces it was printed with: 索 引 号 is 索引号)
  return m ? { label: m[1]!.replace(/[\s\u3000]/g, ''), length: m[0].length } : undefined;
}

/** A line of the page's header or footer (主办单位, ICP备案, 网站运维电话). */
export function isChromeLine(line: string): boolean {
  return chrome().chrome.test(line);
}

/** A line of the page's footer after the report (上一篇, 打印本页, 责任编辑). */
export function isFooterLine(line: string): boolean {
  return chrome().footer.test(toHalfWidth(line.trim()));
}

/** A line that is only a page number, as text taken out of a PDF has between pages (— 6 —). */
export function isPageNumberLine(line: string): boolean {
  return chrome().pageNumber.test(line);
}
