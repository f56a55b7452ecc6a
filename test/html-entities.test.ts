import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { corpusFile } from './helpers/corpus.js';
import { escapeHtml, paragraphPage } from './helpers/web-page.js';

/**
 * Character references in a web page's text (`&nbsp;` indents, as Word's and most editors' HTML
 * has before every paragraph; `&#12288;`; `&#8203;`): each stands for one character of the text.
 * A paragraph that opened with two `&nbsp;` or more had every character after them placed at the
 * paragraph's start, so findings in it pointed there, and a second finding in the same paragraph
 * was dropped as if it were the first again (dev/B-012's two garbled dates: one found). A finding
 * that ends on a character written as a reference covers the reference whole.
 */

const page = (text: string, indent: string): string => paragraphPage(text, indent);

/** The source text each finding's range covers. */
function atFault(html: string, only: string[]): string[] {
  const lines = html.split('\n');
  return lintText(html, 'report.html', { only })
    .messages.filter((m) => m.endLine === m.line)
    .map((m) => lines[m.line - 1]!.slice(m.column - 1, m.endColumn! - 1));
}

describe('paragraphs of a web page opened by character references', () => {
  const text = corpusFile('dev/B-012.txt');

  it.each(['', '&nbsp;', '&nbsp;&nbsp;', '&nbsp;&nbsp;&nbsp;&nbsp;', '&#160;&#160;&#160;&#160;', '&#12288;&#12288;', '&#x3000;&#x3000;', '&ensp;&emsp;&nbsp;&nbsp;'])(
    'indent %j: both garbled dates found, each where it stands',
    (indent) => {
      expect(atFault(page(text, indent), ['malformed-date'])).toEqual(['202111日', '1231日']);
    },
  );

  it('a page that writes every Chinese character as a reference (&#26085;): each finding covers its references whole', () => {
    const html = paragraphPage(text, '&nbsp;&nbsp;', (l) => escapeHtml(l).replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`));
    const decoded = atFault(html, ['malformed-date']).map((s) => s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))));
    expect(decoded).toEqual(['202111日', '1231日']);
  });

  it('references inside the text too (&#8203; after every full stop; a &amp; shown as text)', () => {
    const html = page(text, '&nbsp;&nbsp;&nbsp;&nbsp;').replace(/。/g, '。&#8203;').replace(/《/g, '&amp;《');
    expect(atFault(html, ['malformed-date'])).toEqual(['202111日', '1231日']);
  });
});
