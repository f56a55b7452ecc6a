import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { corpusDir, corpusTexts } from './helpers/corpus.js';
import { escapeHtml, paragraphPage } from './helpers/web-page.js';

/**
 * Each real report of the corpus, changed in a way that changes nothing for its reader: line endings,
 * trailing spaces, no-break spaces for spaces, a byte-order mark, invisible characters (a web page's zero-width spaces, &#8203;
 * after every 。; soft hyphens), a full-width indent before every line (in Markdown too, before its
 * `#` headings and table rows), and, in plain text, a blank line after every line; a plain text
 * saved as `.md`, or put in a web page (as preformatted text, or a paragraph a line), and each change
 * in such a web page too. Its error-level findings must stay what they were.
 *
 * Found so: zero-width spaces after 。 changed how the text's figures were read (a false `prose-sum`
 * error in full/2016-pingtan-1) and the years it names (another `report-year` message in dev/B-092);
 * a table given one cell a line with a blank line after each line had its lone pipes read as cells, 56
 * false "“|”不是有效的数值" errors in seeds/002, and a row's note on a line of its own read as the row
 * again ("行重复出现"); in Markdown indented so, or with a no-break space after the `##`, the
 * `## 一、…` headings were no headings (false `required-sections` errors); Markdown whose headings are all `#` had its parts stand empty, their
 * unnumbered sub-headings (`# 第二十条第（一）项`, `# 行政复议`) read as parts (false `empty-section`
 * errors); full stops typed as Latin ones ended no sentence (false `prose-sum`, `required-sections`
 * and `report-year` errors); a web page's zero-width characters (&#8203;, &zwj;) and full-width
 * digits were left in the text the model read (words hidden, years and dates not read); and in a web
 * page with a `<p>` a line, a page's details line (索 引 号:…/2016-00001 |
 * 主题分类:…政府信息公开年报) was taken for the title of dev/C-076, which has none.
 */

const FILES = corpusTexts();


/** Ways to give the same text in another kind of file: the file's new name and its text. */
const CONVERSIONS: Record<string, (text: string) => [string, string]> = {
  'saved as .md': (t) => ['report.md', t],
  "in a web page's <pre>": (t) => ['report.html', `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre>${escapeHtml(t)}</pre></body></html>`],
  'in a web page, a <p> a line': (t) => ['report.html', paragraphPage(t)],
};

const CHANGES: Record<string, (text: string, markdown: boolean) => string | undefined> = {
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  'trailing spaces': (t) => t.replace(/(\r?\n)/g, '  $1'),
  BOM: (t) => `\ufeff${t}`,
  'zero-width spaces after 。': (t) => t.replace(/。/g, '。\u200b'),
  'zero-width characters between words': (t) => t.replace(/政府信息/g, '政府\u200c信息').replace(/年度报告/g, '年度\u00ad报告').replace(/工作/g, '工\u2060作'),
  'full-width indent': (t) => t.replace(/^(?=\S)/gm, '\u3000\u3000'),
  'full-width digits in the prose': (t) =>
    t
      .split('\n')
      .map((l) => (/[|｜]/.test(l) ? l : l.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))))
      .join('\n'),
  // (the input method left in its Latin punctuation: 其它1件.所有申请…; table rows left as they are)
  'full stops typed as Latin ones': (t) =>
    t
      .split('\n')
      .map((l) => (/[|｜]/.test(l) ? l : l.replace(/。/g, '.')))
      .join('\n'),
  // (a converter that writes every heading at one level)
  'Markdown headings all of one level': (t, md) => (md ? t.replace(/^#{1,6}[ \t]+/gm, '# ') : undefined),
  // (text copied out of a web page: its &nbsp; come as U+00A0, after a heading's # too)
  'no-break spaces between words': (t) => t.replace(/(?<=\S) (?=\S)/g, '\u00a0'),
  'a blank line after every line': (t, md) => (md ? undefined : t.replace(/\n/g, '\n\n')),
};

/** The error-level findings of a text, without where they are (a changed text moves them). */
function errors(text: string, file: string): string[] {
  return lintText(text, file)
    .messages.filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId} ${m.message}`)
    .sort();
}

describe('real reports changed in ways their reader does not see', () => {
  it('the corpus is there', () => {
    expect(FILES.length).toBeGreaterThan(70);
  });

  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const markdown = file.endsWith('.md');
      const before = errors(text, file);
      for (const [name, change] of Object.entries(CHANGES)) {
        const changed = change(text, markdown);
        if (changed === undefined) continue;
        const after = errors(changed, file);
        const added = after.filter((e) => !before.includes(e));
        const lost = before.filter((e) => !after.includes(e));
        expect({ added, lost }, `${file}: ${name}`).toEqual({ added: [], lost: [] });
      }
      if (markdown) return;
      for (const [name, convert] of Object.entries(CONVERSIONS)) {
        const [newName, converted] = convert(text);
        expect(errors(converted, newName), `${file}: ${name}`).toEqual(before);
      }
      // each change in a web page too: a page's text is not normalised as plain text is, the model sees to it
      const page = CONVERSIONS['in a web page, a <p> a line']!;
      const [pageName, pageText] = page(text);
      const pageBefore = errors(pageText, pageName);
      for (const [name, change] of Object.entries(CHANGES)) {
        const changed = change(text, markdown);
        if (changed === undefined) continue;
        expect(errors(page(changed)[1], pageName), `${file}: ${name}, in a web page`).toEqual(pageBefore);
      }
    });
  }
});
