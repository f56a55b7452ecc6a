import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { looksLikeMarkdown } from '../src/read/sniff.js';
import { consistentT3, consistentT4, renderReport, someT2, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report written in Markdown but saved as `.txt`, with no extension, or given on standard input
 * (an editor's export, a converter's or a crawler's output): read as plain text, its headings kept
 * their `#` and none was found (an error on every such report), and table 4 ran on into the next
 * part. It must read as the same file saved as `.md` does: the same findings on the same lines.
 */

const MARKDOWN_LAYOUTS: LayoutName[] = ['gfm', 'gfm-merged', 'gfm-pieces'];

/** How the Markdown marks its headings, and how its lines end. */
const styles: Record<string, (md: string) => string> = {
  '`#` headings': (md) => md,
  'headings in bold': (md) => md.replace(/^#+ (.*)$/gm, '**$1**'),
  // (not a heading to CommonMark, but typed so by hand and by some editors)
  '`#` without a space after it': (md) => md.replace(/^(#+) /gm, '$1'),
  'CRLF line ends': (md) => md.replace(/\n/g, '\r\n'),
};

const summary = (text: string, name: string): string[] => lintText(text, name).messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`).sort();

describe('a report written in Markdown under another name', () => {
  for (const [style, restyle] of Object.entries(styles)) {
    it(`reads as the same file saved as .md (${style})`, () => {
      fc.assert(
        fc.property(reportModel, fc.constantFrom(...MARKDOWN_LAYOUTS), (m, layout) => {
          // the report as it is, and with a figure of table 3 changed after the sums were made: an
          // error every name must give
          for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
            const md = restyle(renderReport(report, layout).text);
            const asMarkdown = summary(md, 'report.md');
            expect(summary(md, 'report.txt')).toEqual(asMarkdown);
            expect(summary(md, '报告')).toEqual(asMarkdown);
            if (wrong) expect(asMarkdown.some((s) => / 2 table-sum /.test(s))).toBe(true);
            else expect(asMarkdown).toEqual([]);
          }
        }),
        { numRuns: runs(6, 20) },
      );
    }, 120_000);
  }

  it('reads a `#` without a space as a heading only before a numbered title or as the first line', () => {
    const md = readFileSync(path.join(import.meta.dirname, '../fixtures/samples/2021-qinghe-clean.md'), 'utf8');
    const loose = md.replace(/^(#+) /gm, '$1');
    const kinds = (text: string, name: string): string[] => modelDocument(readBuffer(Buffer.from(text), name)).report!.blocks.filter((b) => b.type === 'heading').map((b) => b.text.text);
    for (const name of ['report.md', 'report.txt']) {
      expect(kinds(loose, name), name).toEqual(kinds(md, 'report.md'));
      // a hashtag, and a line of # before words that are no numbered title, stay text
      const withTags = loose.replace('\n##二、', '\n#政务公开#\n\n#2021年度重点工作\n\n##二、');
      expect(kinds(withTags, name), name).toEqual(kinds(md, 'report.md'));
      expect(lintText(withTags, name).messages, name).toEqual([]);
    }
  });

  it('is known by its marks, not by its name', () => {
    const md = renderReport({ generation: 'format-2021', t2: someT2('format-2021', [1, 2, 3]), t3: consistentT3('format-2021', [[1, 0, 0, 0, 0, 0]], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]), t4: consistentT4([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]) }, 'gfm').text;
    expect(readBuffer(Buffer.from(md), 'report.txt').kind).toBe('markdown');
    expect(readBuffer(Buffer.from(md), '<stdin>').kind).toBe('markdown');
    // the same report with its marks taken off is plain text
    expect(readBuffer(Buffer.from(md.replace(/^#+ /gm, '')), 'report.txt').kind).toBe('text');
  });
});

/** Layouts of plain text: table rows, one cell a line, text out of PDFs, drawings, one-line dumps. */
const TEXT_LAYOUTS: LayoutName[] = ['pipe', 'cell-per-line', 'pdf', 'pdf-vertical', 'pdf-ruled', 'drawn', 'one-line'];

describe('a report in plain text saved as .md', () => {
  // a page's text or a PDF's saved under a Markdown name: Markdown reads it as long paragraphs whose
  // lines keep the layout's indentation (dozens of spaces before a PDF's row labels), which remark
  // drops from the paragraph's text; the text must still be placed right in the source
  it('draws no error, reads every table, and finds a changed figure, in every layout and line ending', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...TEXT_LAYOUTS), fc.boolean(), (m, layout, crlf) => {
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const text = renderReport(report, layout).text;
          const messages = lintText(crlf ? text.replace(/\n/g, '\r\n') : text, 'report.md').messages;
          const errors = messages.filter((x) => x.severity === 2).map((x) => `${x.line} ${x.ruleId} ${x.message}`);
          if (wrong) expect(errors.some((e) => / table-sum /.test(e)), `${layout}: ${errors.join('; ')}`).toBe(true);
          else expect(errors, layout).toEqual([]);
          // every table read (one cell a line too: the lone pipes between its cells)
          expect(messages.filter((x) => x.ruleId === 'table-missing'), layout).toEqual([]);
        }
      }),
      { numRuns: runs(14, 60) },
    );
  }, 120_000);

  it('places the parts of a PDF’s text under their headings', () => {
    const body = '本年度未收取信息处理费。';
    const text = `一、总体情况\n正文。\n                              3.其他                        9    28    7\n                 （七）总计                   217  436   219\n六、其他需要报告的事项\n${body}\n`;
    const report = modelDocument(readBuffer(Buffer.from(text), 'report.md')).report!;
    const heading = report.blocks.find((b) => b.text.text.includes('六、其他需要报告的事项'))!;
    const start = heading.text.toSource(0);
    expect(text.slice(start, start + 11)).toBe('六、其他需要报告的事项');
    const sentence = report.blocks.find((b) => b.text.text.includes(body)) ?? heading;
    const at = sentence.text.toSource(sentence.text.text.indexOf(body));
    expect(text.slice(at, at + body.length)).toBe(body);
  });
});

describe('looksLikeMarkdown', () => {
  it('takes two marked lines, or one and a GFM table', () => {
    expect(looksLikeMarkdown('# 某县2023年政府信息公开工作年度报告\n\n## 一、总体情况\n正文。')).toBe(true);
    expect(looksLikeMarkdown('**一、总体情况**\n正文。\n**二、主动公开政府信息情况**\n')).toBe(true);
    expect(looksLikeMarkdown('## 二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n| --- | ---: |\n| 规章 | 0 |\n')).toBe(true);
    // a title underlined with `=` and a table kept in HTML (turndown's output)
    expect(looksLikeMarkdown('某县2023年政府信息公开工作年度报告\n=====\n\n一、总体情况\n\n<table><tr><td>规章</td><td>0</td></tr></table>\n')).toBe(true);
  });

  it('leaves plain text alone', () => {
    // one marked line alone, hashtags, numbers after #, bold inside a sentence, a rule of dashes
    expect(looksLikeMarkdown('# 某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。')).toBe(false);
    expect(looksLikeMarkdown('#政务公开#\n#依申请公开# 本年共收到申请5件。\n')).toBe(false);
    expect(looksLikeMarkdown('#1 本年新收申请\n#2 上年结转\n')).toBe(false);
    expect(looksLikeMarkdown('本年**共**收到申请5件。\n其中**予以公开**3件。\n')).toBe(false);
    expect(looksLikeMarkdown('一、总体情况\n----------\n信息内容 | 本年制发件数\n--- | ---\n规章 | 0\n')).toBe(false);
  });

  it('finds no Markdown in any plain-text report of the fixtures', () => {
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.txt')) texts.push(p);
      }
    };
    walk(path.join(import.meta.dirname, '../fixtures'));
    expect(texts.length).toBeGreaterThan(50);
    for (const p of texts) expect(readBuffer(readFileSync(p), p).kind, p).not.toBe('markdown');
  });

  it('reads a hostile line in linear time', () => {
    // (a regression would take minutes: no timing is asserted, the test finishing is the check)
    expect(looksLikeMarkdown(`# 标题\n|${'-'.repeat(2_000_000)}\n`)).toBe(false);
    expect(looksLikeMarkdown(`**${'字'.repeat(2_000_000)}\n`.repeat(2))).toBe(false);
    // (a repeated group in the test of a delimiter row overflowed the regular expression engine's stack)
    expect(looksLikeMarkdown(`# 标题\n${'|-'.repeat(2_000_000)}x\n`)).toBe(false);
    expect(looksLikeMarkdown(`# 标题\n${'| :-: '.repeat(1_000_000)}|\n`)).toBe(false);
    expect(looksLikeMarkdown(`# 标题\n${'| :-: '.repeat(500)}|\n`)).toBe(true);
    expect(looksLikeMarkdown(`标题\n${'='.repeat(3_000_000)}\n${'字'.repeat(3_000_000)}`)).toBe(false);
  });
});
