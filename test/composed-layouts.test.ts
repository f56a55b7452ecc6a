import fc from 'fast-check';
import { describe, it } from 'vitest';
import { errorLines, expectOnlyTheChangedSum } from './helpers/errors.js';
import { LAYOUTS, renderReport, type LayoutName } from './helpers/layouts.js';
import { repeatHeaderLines, splitGfmTable, splitHtmlTable } from './helpers/page-breaks.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * The ways a report's text is changed on its way to a reviewer, several at once: a report is one
 * draw from them all, and each is tested alone elsewhere (line endings, indents, blank lines,
 * numbering, page breaks, wording…). Whatever two to four of them are combined, a correct report
 * draws no error and a changed figure of table 3 is found.
 */

interface Change {
  name: string;
  apply: (text: string, layout: LayoutName) => string;
  /** the layouts it applies to (all when absent) */
  fits?: (layout: LayoutName) => boolean;
}

// (drawings are left out where the change alters a cell's width: no tool draws a cell out of line)
const laidOut = (l: LayoutName): boolean => l !== 'drawn' && l !== 'pdf-ruled';
const ROW_NUMBER = /(?<![\d.（(])([1-9])[.、．](?=[\u4e00-\u9fff“])/g;

/** A title or a part's heading: a line of its own, Chinese words only after its numbering (not a table's cell). */
const TITLE_OR_HEADING = /^(?:#+\s*)?(?:<(?:h\d|p|div)[^>]*>)?\s*(?:[一二三四五六七八九十]+、[\u4e00-\u9fff、，]{2,24}|\S{0,30}政府信息公开工作年度报告)\s*(?:<\/(?:h\d|p|div)>)?\s*$/;
/** A line's Chinese characters and digits set apart by spaces, outside its tags: wide character spacing as it comes out of a PDF. */
const letterSpaced = (line: string): string => line.replace(/(^|>)([^<]*)/g, (_, a: string, t: string) => a + t.replace(/([\u4e00-\u9fff0-9])(?=[\u4e00-\u9fff0-9])/g, '$1 '));

const CHANGES: Change[] = [
  { name: 'title and headings letter-spaced', apply: (t) => t.replace(/^.*$/gm, (l) => (TITLE_OR_HEADING.test(l) ? letterSpaced(l) : l)) },
  { name: 'CRLF', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'headings all #', apply: (t) => t.replace(/^#{1,6}[ \t]+/gm, '# '), fits: (l) => l.startsWith('gfm') },
  { name: 'paragraphs indented with &nbsp;', apply: (t) => t.replace(/<p>/g, '<p>&nbsp;&nbsp;&nbsp;&nbsp;'), fits: (l) => l.startsWith('html') },
  { name: 'full-width indent', apply: (t) => t.replace(/^(?=\S)/gm, '\u3000\u3000'), fits: (l) => !l.startsWith('gfm') },
  { name: 'blank line after each line', apply: (t) => t.replace(/\n/g, '\n\n') },
  { name: 'thousands', apply: (t) => t.replace(/(?<![\d.-])(\d{1,3})(\d{3})(?![\d年月日-])/g, '$1,$2'), fits: laidOut },
  { name: '（1）', apply: (t) => t.replace(ROW_NUMBER, '（$1）'), fits: laidOut },
  { name: '1）', apply: (t) => t.replace(ROW_NUMBER, '$1）'), fits: laidOut },
  {
    name: 'page break',
    apply: (t, l) =>
      l.startsWith('gfm') ? splitGfmTable(t, /无法提供/, true) : l.startsWith('html') ? splitHtmlTable(t, /无法提供/, true, false) : repeatHeaderLines(t, /无法提供/, '— 3 —'),
    fits: (l) => ['pdf', 'pipe', 'gfm', 'gfm-merged', 'html', 'html-blank'].includes(l),
  },
  { name: 'trailing spaces', apply: (t) => t.replace(/(\r?\n)/g, '  $1') },
  { name: 'zero-width spaces', apply: (t) => t.replace(/。/g, '。\u200b') },
  { name: '法人或者其他组织', apply: (t) => t.replace(/法人或其他组织/g, '法人或者其他组织'), fits: laidOut },
  { name: 'dashes for zeros', apply: (t) => t.replace(/(?<=[|｜>]\s*)0(?=\s*[|｜<])/g, '—'), fits: (l) => ['gfm', 'gfm-merged', 'gfm-pieces', 'html', 'html-blank', 'pipe', 'cell-per-line'].includes(l) },
  { name: 'BOM', apply: (t) => `\ufeff${t}` },
  { name: 'tabs', apply: (t) => t.replace(/ {4}/g, '\t'), fits: (l) => l === 'pdf' || l === 'pdf-vertical' },
  // (last: the changes before it read the text as written, and would change the references' digits)
  {
    name: 'Chinese written as references (&#26085;)',
    apply: (t) => t.replace(/(^|>)([^<]*)/g, (_, a: string, x: string) => a + x.replace(/[\u3000-\u9fff\uff00-\uffef]/g, (c) => `&#${c.codePointAt(0)};`)),
    fits: (l) => l.startsWith('html'),
  },
];

describe('several changes to a report at once', () => {
  it('draw no error, and a changed figure is found, in every layout, as its own file and as .md', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...LAYOUTS), fc.subarray(CHANGES, { minLength: 2, maxLength: 4 }), fc.boolean(), (m, layout, changes, asMd) => {
        const used = changes.filter((c) => !c.fits || c.fits(layout));
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const r = renderReport(report, layout);
          const text = used.reduce((t, c) => c.apply(t, layout), r.text);
          const name = asMd && !r.filename.endsWith('.html') ? r.filename.replace(/\.\w+$/, '.md') : r.filename;
          const what = `${layout} ${name} [${used.map((c) => c.name).join(', ')}]`;
          expectOnlyTheChangedSum(errorLines(text, name), wrong, what);
        }
      }),
      { numRuns: runs(150, 1500) },
    );
  }, 300_000);
});
