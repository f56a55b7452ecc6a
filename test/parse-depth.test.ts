import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_NESTING, markdownNesting } from '../src/parse/depth.js';
import { lintText } from '../src/lint.js';
import { runs } from './helpers/runs.js';

/**
 * A Markdown text nested deeper than MAX_MARKDOWN_NESTING is refused before the parser runs
 * (micromark's time grows with the cube of the depth); the depth is told from the lines'
 * markers and indentation, and must be the depth the parser would find.
 */

const parser = unified().use(remarkParse).use(remarkGfm);

/** The deepest nesting of list items and quotes in remark's tree. */
function treeDepth(n: Nodes, above = 0): number {
  const here = above + (n.type === 'listItem' || n.type === 'blockquote' ? 1 : 0);
  let deepest = here;
  if ('children' in n) for (const c of n.children as Nodes[]) deepest = Math.max(deepest, treeDepth(c, here));
  return deepest;
}

const MARKERS = ['-', '*', '+', '1.', '2)', '10.', '123.'];

/**
 * Lists nested as people write them: each line an item one level deeper than the line before at
 * most, or a line of text carrying on an item; markers of every kind; blank lines; tabs or
 * spaces; the whole inside 0–3 quotes.
 */
const nestedText = fc
  .record({
    quotes: fc.integer({ min: 0, max: 3 }),
    tab: fc.boolean(),
    lines: fc.array(
      fc.record({ up: fc.integer({ min: -3, max: 1 }), marker: fc.constantFrom(...MARKERS), text: fc.boolean(), blank: fc.boolean() }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ quotes, tab, lines }) => {
    // the content indent of each open item, outermost first
    const open: number[] = [];
    const out: string[] = [];
    let blankBefore = true;
    const prefix = '> '.repeat(quotes);
    const pad = (n: number): string => (tab && n >= 4 ? '\t'.repeat(Math.floor(n / 4)) + ' '.repeat(n % 4) : ' '.repeat(n));
    for (const l of lines) {
      if (l.text && open.length > 0) {
        // a line of text at the innermost item's content indent
        out.push(prefix + pad(open[open.length - 1]!) + '正文');
        blankBefore = false;
        continue;
      }
      const depth = Math.max(0, Math.min(open.length + l.up, open.length));
      open.length = depth;
      const indent = depth === 0 ? 0 : open[depth - 1]!;
      // only a list numbered from 1 may start right under a line of text (CommonMark)
      const marker = /^\d/.test(l.marker) && !/^1\D/.test(l.marker) && !blankBefore ? '1.' : l.marker;
      out.push(prefix + pad(indent) + marker + ' 条目');
      open.push(indent + marker.length + 1);
      blankBefore = l.blank;
      if (l.blank) out.push(prefix.trimEnd());
    }
    return out.join('\n') + '\n';
  });

describe('markdownNesting', () => {
  it('is the depth of list items and quotes in the parsed tree, for lists nested as written', () => {
    fc.assert(
      fc.property(nestedText, (text) => {
        expect(markdownNesting(text)).toBe(treeDepth(parser.parse(text) as Nodes));
      }),
      { numRuns: runs(300, 3000) },
    );
  });

  it('is small on reports, and stops counting past its limit', () => {
    expect(markdownNesting('# 某局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n- 主动公开\n  - 其中：规章 2 件\n')).toBe(2);
    const deep = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 条目`).join('\n');
    expect(markdownNesting(deep)).toBe(1000);
    expect(markdownNesting(deep, 64)).toBe(65);
  });
});

describe('a Markdown text nested too deeply', () => {
  const list = (levels: number): string => `# 某局2021年政府信息公开工作年度报告\n\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- 条目`).join('\n')}\n`;

  it(`is refused as nested too deeply past ${MAX_MARKDOWN_NESTING} levels, before the parser spends minutes on it`, () => {
    // 2,000 levels: 12 KB that micromark would take many minutes over
    for (const levels of [MAX_MARKDOWN_NESTING + 1, 2000]) {
      const zh = lintText(list(levels), 'deep.md');
      expect(zh.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['parse-error', 2, '无法解析文件：文档的结构嵌套过深']]);
      expect(lintText(list(levels), 'deep.md', { locale: 'en' }).messages[0]!.message).toBe('cannot parse the file: the document is nested too deeply');
    }
    // quotes count as well
    expect(lintText(`${'>'.repeat(MAX_MARKDOWN_NESTING + 1)} 引文\n`, 'q.md').messages.map((m) => m.ruleId)).toEqual(['parse-error']);
  });

  it(`is parsed up to ${MAX_MARKDOWN_NESTING} levels`, () => {
    const r = lintText(list(MAX_MARKDOWN_NESTING), 'deep.md');
    expect(r.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
    expect(r.messages.length).toBeGreaterThan(0);
    // a text file is not Markdown: its lines are not lists
    expect(lintText(list(2000), 'deep.txt').messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
  });
});
