import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import type { Report, Section } from '../src/model/types.js';
import { compactLetterSpacing as cut } from '../src/util/letter-spacing.js';
import { corpusDir, corpusTexts } from './helpers/corpus.js';
import { escapeHtml, paragraphPage } from './helpers/web-page.js';

/**
 * Titles and headings set letter-spaced (政 府 信 息 公 开 工 作 年 度 报 告, 一、总 体 情 况): wide
 * character spacing comes out of a PDF as a space between every two characters, and some drafts are
 * typed so. Such a title was no title (a false "未找到年报标题" and "无法确定年报所属年度"), and such a
 * heading no part (false `required-sections` and `table-missing` errors). A title set two spaces
 * apart is read too (only a title: a text browser's table sets one-character cells so).
 */

/** Each Chinese character and digit of a line set apart by a space, as wide character spacing comes out of a PDF. */
const spaced = (line: string): string => line.replace(/([\u4e00-\u9fff0-9])(?=[\u4e00-\u9fff0-9])/g, '$1 ');
/** The same two spaces apart, as some tools write it. */
const spacedWide = (line: string): string => line.replace(/ /g, '').replace(/([\u4e00-\u9fff0-9])(?=[\u4e00-\u9fff0-9])/g, '$1  ');

describe('which spaces are letter-spacing', () => {
  it('a title or heading spread over its line, digits and all', () => {
    expect(cut('故 城 县 教 育 局 2 0 2 0 年 政 府 信 息 公 开 工 作 年 度 报 告')).toBe('故城县教育局2020年政府信息公开工作年度报告');
    expect(cut('一、总 体 情 况')).toBe('一、总体情况');
    expect(cut('二、主　动　公　开　政　府　信　息　情　况')).toBe('二、主动公开政府信息情况');
    expect(cut('（三）行 政 复 议 情 况')).toBe('（三）行政复议情况');
  });

  it('not words of two characters or more, nor two characters spaced (概 述: the heading matches without its spaces anyway)', () => {
    expect(cut('自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他')).toBe('自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他');
    expect(cut('一、概 述')).toBe('一、概 述');
    expect(cut('政府信息 公开 工作')).toBe('政府信息 公开 工作');
    expect(cut('共受理申请 3 件，办结 3 件')).toBe('共受理申请 3 件，办结 3 件');
  });

  it('not the figures after a letter-spaced label: they are the cells of a table row', () => {
    expect(cut('其 他 组 织 0 0 1 0')).toBe('其他组织 0 0 1 0');
    expect(cut('合 计 5 3 2')).toBe('合 计 5 3 2');
    expect(cut('规章 0 0 0')).toBe('规章 0 0 0');
    expect(cut('1 2 3 4 5 6 7')).toBe('1 2 3 4 5 6 7');
  });
});

const FILES = corpusTexts();


/** The report model of a text and its error-level findings, without where they are. */
function read(text: string, file: string): { report?: Report; errors: string[] } {
  let report: Report | undefined;
  const errors = lintText(text, file, { onReport: (r) => (report = r) })
    .messages.filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId} ${m.message}`)
    .sort();
  return { report, errors };
}

/** The lines (1-based) of the title and of the headings of the parts and of the parts under them; lines of more than 60 characters (a one-line dump) left out. */
function titleAndHeadingLines(text: string, report: Report): Set<number> {
  const lines = text.split('\n');
  const out = new Set<number>();
  const add = (offset: number): void => {
    const line = report.doc.position(offset).line;
    if ((lines[line - 1] ?? '').trim().length <= 60) out.add(line);
  };
  const title = titleLine(text, report);
  if (title) out.add(title);
  const walk = (sections: Section[], depth: number): void => {
    for (const s of sections) {
      add(s.heading.range.start);
      if (depth < 1) walk(s.children, depth + 1);
    }
  };
  walk(report.sections, 0);
  return out;
}

/** The line (1-based) of the title, unless it is a line of more than 60 characters. */
function titleLine(text: string, report: Report): number | undefined {
  if (!report.title) return undefined;
  const line = report.doc.position(report.title.range.start).line;
  return (text.split('\n')[line - 1] ?? '').trim().length <= 60 ? line : undefined;
}

describe('real reports with their title and headings letter-spaced', () => {
  it('the corpus is there', () => {
    expect(FILES.length).toBeGreaterThan(70);
  });

  let changedAny = 0;
  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const before = read(text, file);
      const lines = titleAndHeadingLines(text, before.report!);
      if (lines.size === 0) return;
      changedAny++;
      const changed = text
        .split('\n')
        .map((l, i) => (lines.has(i + 1) ? spaced(l) : l))
        .join('\n');
      expect(read(changed, file).errors, `${file}: letter-spaced`).toEqual(before.errors);
      // the title two spaces apart (2  0  2  4  年  政  府 …)
      const title = titleLine(text, before.report!);
      if (title) {
        const wide = text
          .split('\n')
          .map((l, i) => (i + 1 === title ? spacedWide(l) : l))
          .join('\n');
        expect(read(wide, file).errors, `${file}: the title two spaces apart`).toEqual(before.errors);
        expect(read(paragraphPage(wide), 'report.html').errors, `${file}: the title two spaces apart, in a web page`).toEqual(read(paragraphPage(text), 'report.html').errors);
      }
      if (file.endsWith('.md')) return;
      const md = file.replace(/\.txt$/, '.md');
      expect(read(changed, md).errors, `${file}: letter-spaced, saved as .md`).toEqual(read(text, md).errors);
      // the same text as a web page with a <p> a line, its letter-spacing in the page's own words
      const page = (t: string, nbsp: boolean): string => paragraphPage(t, '', (l) => (nbsp ? escapeHtml(l).replace(/ /g, '&nbsp;') : escapeHtml(l)));
      const asPage = read(page(text, false), 'report.html').errors;
      expect(read(page(changed, false), 'report.html').errors, `${file}: letter-spaced, in a web page`).toEqual(asPage);
      expect(read(page(changed, true), 'report.html').errors, `${file}: letter-spaced with &nbsp;, in a web page`).toEqual(asPage);
    });
  }

  it('changed most of the reports', () => {
    expect(changedAny).toBeGreaterThan(FILES.length * 0.8);
  });
});
