import { vocabulary } from '../config/vocabulary.js';
import { toHalfWidth } from './numerals.js';

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

let built: { header: RegExp; chrome: RegExp; footer: RegExp; pageNumber: RegExp } | undefined;
function chrome(): NonNullable<typeof built> {
  if (!built) {
    const v = vocabulary<PageChromeVocabulary>('page-chrome');
    built = {
      header: new RegExp(`^\\s*(${v.crawlerHeader.join('|')})\\s*[:：]\\s*`, 'i'),
      chrome: new RegExp(v.chromeLine.join('|'), 'i'),
      footer: new RegExp(`^[【[]?\\s*(?:${v.footerStart.join('|')})|${v.footerAnywhere.join('|')}`),
      pageNumber: new RegExp(v.pageNumber),
    };
  }
  return built;
}

/** A crawler's header line (原文链接: https://…): the label and the length of `label:` with spaces. */
export function crawlerHeader(line: string): { label: string; length: number } | undefined {
  const m = chrome().header.exec(toHalfWidth(line));
  return m ? { label: m[1]!, length: m[0].length } : undefined;
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
