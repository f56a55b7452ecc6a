import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/index.js';
import { GFM_FOOTNOTE, GFM_STRIKE, GFM_TABLE, GFM_TASK, GFM_WEB, gfmNeeds } from '../src/parse/gfm.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/**
 * A text without `@` is parsed without remark-gfm's e-mail literals (src/parse/gfm.ts), which
 * can only match at an `@`, and without the other GFM constructs it cannot hold (tables without a
 * line that could be a delimiter row, strikethrough without `~`, footnotes without `[^`, web
 * literals without `www.` or `http`): the tree must be the one remark-gfm gives, whatever the text.
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
  '[a](http://x.cn)', '<http://x.cn>', '\n', '\n\n', ' ', '网址：', '邮箱', '&#64;', '&#x77;ww.', '&commat;', '&period;', '&amp;',
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

/** The characters GFM constructs and the containers around them are made of, alone and as they come together. */
const CHARS = ['|', '-', ':', '>', '~', '[', '^', ']', 'x', 'X', 'w', 'W', '.', 'h', 'H', 't', 'p', 's', '/', '*', '+', '_', '`', '!', '(', ')', '\\', ' ', '  ', '    ', '\t', '\n', '\n', '\r\n', '\r', '\n\n', '- ', '* ', '+ ', '1. ', '2) ', '> ', '公开', '年报', '0', '12', '3'];
const CHUNKS = ['~删~', 'www.', 'http://', 'https://', '[^1]', '[^1]: 注', '~~', '| a | b |', '| - | - |', '|:-|-:|', ':-', '-:', '---', '- [x] ', '- [ ] ', '* [X]\n', '[a]', '![a](b)', 'www.gov.cn', 'HTTP://X.CN', '@', '&#64;', '&#x40;', '&commat;', '&period;', '&colon;', '&sol;', '&#119;'];
const gfmPiece = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...CHUNKS) });
const gfmText = fc.oneof(
  fc.array(gfmPiece, { maxLength: 50 }).map((xs) => xs.join('')),
  // a few short lines: a head row and what may or may not be its delimiter row, in containers or not
  fc.array(fc.array(gfmPiece, { maxLength: 5 }).map((xs) => xs.join('')), { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n')),
);

describe('Markdown parsing with only the GFM constructs a text can hold', () => {
  it('gives remark-gfm’s tree for text made of the characters GFM syntax is made of', () => {
    // how often each construct was left out of a text holding some of its characters
    // (and how often a text could hold none, and was parsed by remark-parse alone)
    const leftOut = { table: 0, strike: 0, footnote: 0, web: 0, task: 0, all: 0 };
    fc.assert(
      fc.property(gfmText, (text) => {
        const needs = gfmNeeds(text);
        if (!(needs & GFM_TABLE) && text.includes('|') && text.includes('-')) leftOut.table++;
        if (!(needs & GFM_STRIKE) && /[*_]/.test(text)) leftOut.strike++;
        if (!(needs & GFM_FOOTNOTE) && text.includes('[') && text.includes('^')) leftOut.footnote++;
        if (!(needs & GFM_WEB) && /w|h/i.test(text) && text.includes('.')) leftOut.web++;
        if (!(needs & GFM_TASK) && text.includes('[') && text.includes(']')) leftOut.task++;
        if (needs === 0) leftOut.all++;
        // remark-gfm's development build asserts on a few such texts (`*\n[x]\n|`: its task-list
        // check in mdast-util-gfm-task-list-item 2.0.1), which its production build, the one the
        // command line loads, parses; the tests load the development build, so those are not compared
        let expected: ReturnType<typeof withRemarkGfm.parse>;
        try {
          expected = withRemarkGfm.parse(text);
        } catch {
          fc.pre(false);
          return;
        }
        expect(parseMarkdown(text)).toEqual(expected);
      }),
      { numRuns: runs(2000, 20000) },
    );
    for (const n of Object.values(leftOut)) expect(n).toBeGreaterThan(20);
  }, 300_000);

  it('reads as remark-gfm does the literals written with character references', () => {
    for (const text of ['邮箱 xxgk&#64;qq.com 。', 'www&period;gov.cn 网站', 'http&colon;//x.cn', '&#x77;ww.gov.cn', '| a | b |\n| - | - |\n| xxgk&commat;qq.com | 1 |']) {
      const tree = parseMarkdown(text);
      expect(tree).toEqual(withRemarkGfm.parse(text));
      expect(JSON.stringify(tree)).toContain('"type":"link"');
    }
  });

  it('finds every text that could hold a task list item', () => {
    for (const text of ['- [x] a', '* [X] a', '1. [ ] a', '- [\t] a', '- [\n] a', '- [\r\n] a']) expect(gfmNeeds(text) & GFM_TASK).toBeTruthy();
    for (const text of ['- [a] b', '- [] b', '- [xx] b', '（一）[ 略 ]']) expect(gfmNeeds(text) & GFM_TASK).toBeFalsy();
  });

  it('finds every line that could be a delimiter row, in quotes and list items too', () => {
    for (const text of ['a\n-', 'a\n:-', '| a |\n|-|', '> a | b\n> - | -', '- a | b\n  --- | ---', '1. | a |\n   | - |', 'x\n\t|\t-\t|']) expect(gfmNeeds(text) & GFM_TABLE).toBeTruthy();
    for (const text of ['a | b\n0797-8123456', '| 1 | -3 |', '一、总体情况 | 2', 'a\n|:|']) expect(gfmNeeds(text) & GFM_TABLE).toBeFalsy();
  });
});
