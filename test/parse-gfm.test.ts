import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/index.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/**
 * A text without `@` is parsed without remark-gfm's e-mail literals (src/parse/gfm.ts), which
 * can only match at an `@`: the tree must be the one remark-gfm gives, whatever the text.
 */

const withRemarkGfm = unified().use(remarkParse).use(remarkGfm);

const REPORTS = [
  ...readdirSync(path.join(repoRoot, 'fixtures/samples')).filter((f) => f.endsWith('.md')).map((f) => path.join(repoRoot, 'fixtures/samples', f)),
  ...readdirSync(path.join(corpusDir, 'full')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => path.join(corpusDir, 'full', f)),
].map((f) => readFileSync(f, 'utf8').replaceAll('@', '＠'));

/** What reports and Markdown put in text: web addresses as reports write them, every GFM construct, and the characters e-mail literals look at. */
const PIECES = [
  'http://www.qinghe.gov.cn/zwgk/', 'https://qinghe.gov.cn/art/2022/1/5/art_1229_3.html', 'www.jsxzf.gov.cn', 'WWW.GOV.CN', 'HTTP://X.CN/_a_/b',
  '/index.jsp?id=5&type=_c_', 'mailto:xxgk', 'xmpp:a', 'xxgk.qinghe', 'a_b-c+d', '2021年', '24件', '0701-5623108',
  '| 1 | 2 |\n| - | - |\n| 3 | 4 |', '[^1]', '[^1]: 注', '~~删~~', '~单~', '- [x] ', '- [ ] ', '*', '_', '**', '`', '<', '>', '(', ')', '.', ',', '：', '。', '（', '）',
  '[a](http://x.cn)', '<http://x.cn>', '\n', '\n\n', ' ', '网址：', '邮箱',
];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')) });

function apply(text: string, edits: { at: number; insert: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    t = t.slice(0, at) + e.insert + t.slice(at);
  }
  return t;
}

describe('Markdown parsing of a text without @', () => {
  it('gives remark-gfm’s tree for the real reports', () => {
    for (const text of REPORTS) expect(parseMarkdown(text)).toEqual(withRemarkGfm.parse(text));
  });

  it('gives remark-gfm’s tree whatever is written into them: addresses, GFM constructs, punctuation', () => {
    fc.assert(
      fc.property(fc.nat({ max: REPORTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (i, edits) => {
        const text = apply(REPORTS[i]!, edits);
        expect(parseMarkdown(text)).toEqual(withRemarkGfm.parse(text));
      }),
      { numRuns: runs(20, 150) },
    );
  }, 300_000);

  it('still reads web addresses as links, tables, footnotes, strikethrough and task lists', () => {
    const text = '网址：http://www.qinghe.gov.cn/zwgk/ 。\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n正文[^1]，~~删去~~。\n\n[^1]: 注释\n\n- [x] 已办\n';
    const tree = JSON.stringify(parseMarkdown(text));
    for (const type of ['link', 'table', 'footnoteReference', 'footnoteDefinition', 'delete']) expect(tree).toContain(`"type":"${type}"`);
    expect(tree).toContain('"checked":true');
  });

  it('a text with @ reads its e-mail addresses as remark-gfm does', () => {
    const text = `${REPORTS[0]!}\n\n联系邮箱：xxgk@qinghe.gov.cn，网址 www.qinghe.gov.cn。\n`;
    const tree = parseMarkdown(text);
    expect(tree).toEqual(withRemarkGfm.parse(text));
    expect(JSON.stringify(tree)).toContain('"url":"mailto:xxgk@qinghe.gov.cn"');
  });
});
