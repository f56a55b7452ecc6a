import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse, parseMarkdown } from '../src/parse/index.js';
import { htmlInMarkdown } from '../src/parse/html-in-markdown.js';
import { pipeRowsAsTables } from '../src/parse/pipe-rows.js';
import { plainBlocks } from '../src/parse/plain-markdown.js';
import { shifted } from '../src/parse/shift.js';
import { repoRoot } from './helpers/corpus.js';
import { LAYOUTS, renderReport } from './helpers/layouts.js';
import { reportModel } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A Markdown text of paragraphs only is not parsed as a whole: its paragraphs are found from the
 * blank lines, and micromark reads only those the pipe rows' reading leaves (src/parse/plain-markdown.ts).
 * The tree must be the one the whole text's parse gives, whatever the text.
 */

/** The tree as the whole text's parse gives it, then read as src/parse/index.ts reads a Markdown file. */
function wholeParse(text: string): Root {
  const markdown = (from: number, to: number, line: number): RootContent[] => parseMarkdown(text.slice(from, to)).children.map((c) => shifted(c, from, line - 1));
  return htmlInMarkdown(pipeRowsAsTables(parseMarkdown(text), text, markdown), text);
}

const parsed = (text: string): Root => parse({ kind: 'markdown', text } as Parameters<typeof parse>[0]);

/** The text files under `dir`, each with its own line endings and with Windows ones. */
function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...textFiles(p));
    else if (/\.(md|txt)$/.test(f) && f !== 'README.md') {
      const text = readFileSync(p, 'utf8');
      out.push(text, text.replace(/\r?\n/g, '\r\n'));
    }
  }
  return out;
}

/** Lines as reports write them, none of which starts a construct but a paragraph: prose, headings, table rows, markers glued to words, odd white space. */
const PLAIN_LINES = [
  '一、总体情况', '**一、总体情况**', '#话题', '####### 七', '本年度主动公开政府信息1234条。', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
  '| 规章 | 0 | 0 | 0 |', '规章 | 0 | 0 | 0', '｜行政许可｜12｜', '┌──┬──┐', '│ 总计 │ 3 │', '└──┴──┘', '-1件', '+2', '*注', '_注_', '==注', '1.属于国家秘密',
  '2021年', '``代码``', '~删~', '   缩进三格', '  两格 | 表', '中\t间', '　　全角缩进 | 1', '\u00a0不换行空格', '\u3000', '   ', '\t', '', '', '',
  '行尾两空格  ', '行尾反斜杠\\', '&amp; 实体', 'http://www.gov.cn', 'xxgk@gov.cn', '[注]', '<b>粗</b>', '\u200b零宽', '\u000c换页',
];
/** Lines that start a construct other than a paragraph, or change one. */
const CONSTRUCT_LINES = [
  '## 二、主动公开政府信息情况', '###### 六', '| --- | --- |', '|:-:|', '-', '--', '---', '- - -', '- 项', '+ 项', '* 项', '***', '___', '=', '===',
  '1. 属于国家秘密', '2) 其他', '> 引文', '<p>段</p>', '<div>', '[注]: http://x.cn', '[^1]: 注', '```', '~~~', '    缩进四格', '\t制表开头',
];
/** A text of such lines, with now and then a line or two that starts a construct. */
const mixedText = fc
  .tuple(
    fc.array(fc.constantFrom(...PLAIN_LINES), { minLength: 1, maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CONSTRUCT_LINES)), { maxLength: 2 }),
    fc.boolean(),
    // line endings: Unix, Windows, old Mac, or mixed
    fc.constantFrom(['\n'], ['\r\n'], ['\r'], ['\n', '\r\n', '\r']),
    fc.nat(),
  )
  .map(([lines, inserted, finalBreak, endings, seed]) => {
    const all = [...lines];
    for (const [at, line] of inserted) all.splice(at % (all.length + 1), 0, line);
    const end = (i: number): string => endings[(seed + i * 7) % endings.length]!;
    return all.map((l, i) => (i ? end(i) : '') + l).join('') + (finalBreak ? end(all.length) : '');
  });

describe('Markdown of paragraphs only', () => {
  it('gives the whole parse’s tree for the real reports and the generated ones in every layout', () => {
    const texts = textFiles(path.join(repoRoot, 'fixtures'));
    fc.assert(
      fc.property(reportModel, (m) => {
        for (const layout of LAYOUTS) {
          const text = renderReport(m, layout).text;
          texts.push(text, text.replace(/\n/g, '\r\n'));
        }
      }),
      { numRuns: runs(3, 10) },
    );
    let plain = 0;
    for (const text of texts) {
      if (plainBlocks(text)) plain++;
      expect(parsed(text)).toEqual(wholeParse(text));
    }
    // the texts of paragraphs only are many of them (the pipe rows, one cell a line, PDF text, one-line dumps)
    expect(plain).toBeGreaterThan(texts.length / 3);
  });

  it('finds the paragraphs of a text of pipe rows and prose without reading it', () => {
    const text = '青河县2021年政府信息公开工作年度报告\n一、总体情况\n本年度……\n\n  信息内容 | 本年制发件数\n规章 | 0  \n\n\n六、其他\n';
    const tree = plainBlocks(text)!;
    const at = (s: string): number => text.indexOf(s);
    // from the first character that is not a space, to the end of the last line (its spaces kept)
    expect(tree.children.map((c) => [c.type, c.position!.start.offset, c.position!.start.column, c.position!.end.offset])).toEqual([
      ['paragraph', 0, 1, at('……') + 2],
      ['paragraph', at('信息内容'), 3, at('0  ') + 3],
      ['paragraph', at('六、其他'), 1, at('六、其他') + 4],
    ]);
    expect(tree.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 10, column: 1, offset: text.length } });
    expect(parsed(text)).toEqual(wholeParse(text));
    // with Windows line endings: the same paragraphs, their offsets counting two characters a line ending
    const windows = text.replace(/\n/g, '\r\n');
    const lines = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
    expect(plainBlocks(windows)!.children.map((c) => [c.position!.start.offset, c.position!.end.offset])).toEqual(
      tree.children.map((c) => [c.position!.start.offset! + lines(c.position!.start.offset!), c.position!.end.offset! + lines(c.position!.end.offset!)]),
    );
    expect(parsed(windows)).toEqual(wholeParse(windows));
  });

  it('parses as a whole a text with a line that starts another construct', () => {
    for (const line of ['## 二', '> 引文', '- 项', '1. 项', '---', '===', '```', '<div>', '[a]: b', '| - | - |', '    缩进', '\t缩进']) {
      const text = `一、总体情况\n\n${line}\n规章 | 0 | 0\n行政许可 | 12 | 3`;
      expect(plainBlocks(text), line).toBeUndefined();
    }
    for (const line of ['**二**', '#话题', '-1件', '*注', '==注', '``代码``', '1.属于', '   缩进三格']) {
      const text = `一、总体情况\n\n${line}\n规章 | 0 | 0\n行政许可 | 12 | 3`;
      expect(plainBlocks(text), line).toBeDefined();
    }
  });

  it('gives the whole parse’s tree whatever lines a text is made of', () => {
    let plain = 0;
    let all = 0;
    fc.assert(
      fc.property(mixedText, (text) => {
        all++;
        if (plainBlocks(text)) plain++;
        expect(parsed(text)).toEqual(wholeParse(text));
      }),
      { numRuns: runs(300, 3000) },
    );
    // both ways are taken
    expect(plain).toBeGreaterThan(all / 5);
    expect(plain).toBeLessThan(all);
  });
});
