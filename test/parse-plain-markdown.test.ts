import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { exampleReport, table2Text, table3Text } from '../src/audit/example-reports.js';
import { parseMarkdown } from '../src/parse/index.js';
import { plainMarkdown } from '../src/parse/plain-markdown.js';
import { parsePlainText } from '../src/parse/plaintext.js';
import { shifted } from '../src/parse/shift.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/**
 * A Markdown text with no syntax in it is read without micromark (src/parse/plain-markdown.ts): the
 * tree must be remark-parse + remark-gfm's, node for node, position for position, key for key.
 */

const remark = unified().use(remarkParse).use(remarkGfm);

/** The same tree, and the same JSON (key order included). */
function expectRemarkTree(text: string, tree: unknown): void {
  const want = remark.parse(text);
  expect(tree).toEqual(want);
  expect(JSON.stringify(tree)).toBe(JSON.stringify(want));
}

/** Pieces Markdown syntax is made of, and the text around it: plain, syntax at a line start, syntax anywhere. */
const PLAIN = ['公开', '政务', '年报', '𠀀', '　', '2021', '24', '0', '.', '：', ':', '/', '|', '｜', '-', ' ', '  ', '    ', '\n', '\r\n', '\r', '\n\n', '\n  \n', 'h', 't', 'p', 's', 'w', 'W', 'H', '(', ')', '!', '^', '#', '=', '+', '>', '1.', '2)'];
const SYNTAX = ['~', '~~', '[', ']', '[^1]', '[^1]: 注', '*', '_', '`', '<', '&', '&amp;', '\\', '@', '\t', '\0', '\f', '\uFEFF', 'www.', 'http://', 'https://x.cn', '- ', '* ', '+ ', '1. ', '1) ', '> ', '# ', '---', '===', ':-', '-:', '| - |', '|---|---|', '  \n'];
const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...SYNTAX) });
const markdown = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
/** Lines as reports lay them out: a table row, a heading, prose; joined by one of the line endings, with spaces around. */
const line = fc.oneof(
  fc.array(fc.constantFrom('自然人', '0', '12', '-3', '总计', ''), { minLength: 1, maxLength: 8 }).map((cells) => cells.join(' | ')),
  fc.constantFrom('一、总体情况', '（一）予以公开', '2.其他法律行政法规禁止公开', '1.属于国家秘密', '电话：0797-8123456', '统计期限自2023年1月1日起至2023年12月31日止。'),
  fc.array(fc.constantFrom(...PLAIN), { maxLength: 12 }).map((xs) => xs.join('')),
);
const lines = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    '), line, fc.constantFrom('', ' ', '  ')), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'))
  .map(([ls, eol]) => ls.map(([a, l, b]) => a + l + b).join(eol));

describe('Markdown with no syntax in it', () => {
  it('gives remark-gfm’s tree whenever it answers, for text made of the characters Markdown syntax is made of', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.oneof(markdown, lines), (text) => {
        total++;
        const tree = plainMarkdown(text);
        if (tree) {
          answered++;
          expectRemarkTree(text, tree);
        }
      }),
      { numRuns: runs(3000, 40000) },
    );
    // the property says something only when the fast path answers for a good share of the texts
    expect(answered).toBeGreaterThan(total / 5);
  }, 300_000);

  it('answers for reports laid out as plain text, and gives remark-gfm’s tree', () => {
    const table3 = table3Text([30, 1, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]);
    const report = exampleReport({ body: '青河县第3局', year: 2023, overview: '政务公开工作稳步推进。', table2: table2Text(3, 0, 10), table3 });
    for (const text of [report, report.replaceAll('\n', '\r\n'), report.replaceAll('\n', '\n\n'), `  ${report.replaceAll('\n', ' \n   ')}  \n`]) {
      const tree = plainMarkdown(text);
      expect(tree).toBeDefined();
      expectRemarkTree(text, tree);
      expect(parseMarkdown(text)).toEqual(tree);
    }
  });

  it('gives remark-gfm’s tree for the real reports wherever it answers', () => {
    const files = [
      ...readdirSync(path.join(repoRoot, 'fixtures/samples')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(repoRoot, 'fixtures/samples', f)),
      ...['full', 'dev', 'seeds'].flatMap((d) => readdirSync(path.join(corpusDir, d)).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(corpusDir, d, f))),
    ];
    let answered = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const tree = plainMarkdown(text);
      if (tree) {
        answered++;
        expectRemarkTree(text, tree);
      }
      expect(parseMarkdown(text)).toEqual(remark.parse(text));
    }
    expect(answered).toBeGreaterThan(0);
  });

  it('leaves every kind of syntax to remark', () => {
    for (const text of ['a\n:-', 'a | b\n| - |', '# 标题', '> 引', '- 项', '1. 项', '2) 项', '正文\n===', '正文\n---', '    代码', 'a  \nb', '**粗**', '[链](x)', 'www.gov.cn', 'http://gov.cn', 'x@y.cn', '~~删~~', 'a\tb', '&amp;', '\\*', '<br>', '\uFEFF正文']) {
      expect(plainMarkdown(text)).toBeUndefined();
      expect(parseMarkdown(text)).toEqual(remark.parse(text));
    }
  });
});

describe('plain text read from a part of a text', () => {
  it('gives the nodes of the part read on its own, moved to where the part stands', () => {
    fc.assert(
      fc.property(lines, lines, lines, fc.constantFrom('\n', '\r\n', '\r'), (before, part, after, eol) => {
        const head = before ? before + eol : '';
        const text = head + part + (after ? eol + after : '');
        const firstLine = head.split(/\r\n|\n|\r/).length;
        const whole = parsePlainText(text, head.length, head.length + part.length, firstLine);
        const alone = parsePlainText(part);
        expect(whole.children).toEqual(alone.children.map((c) => shifted(c, head.length, firstLine - 1)));
      }),
      { numRuns: runs(300, 3000) },
    );
  });
});
