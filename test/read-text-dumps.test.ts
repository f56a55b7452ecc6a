/**
 * Web pages turned into text by text browsers and converters (fixtures/tables/text-dumps, made by
 * its make.sh): bordered tables drawn with box-drawing characters or ASCII rules, cells wrapped over
 * lines, columns counted by display width or by characters. Each text must read as the page it was
 * made from: the same tables, the same figures in the same cells, the same findings.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuffer } from '../src/read/index.js';
import { parse } from '../src/parse/index.js';
import { buildReport } from '../src/model/index.js';
import type { Report } from '../src/model/types.js';
import { lintDocument, lintText } from '../src/lint.js';
import { repoRoot } from './helpers/corpus.js';

const dir = path.join(repoRoot, 'fixtures/tables/text-dumps');
const PAGES = ['format-2021', 'format-2019', 'format-2021-heavy'];
const TOOLS = ['w3m', 'elinks', 'links', 'rst'];

function report(file: string): Report {
  const doc = readBuffer(readFileSync(path.join(dir, file)), file);
  return buildReport(doc, parse(doc));
}

/** template → row → column → figure, of every official table */
function figures(r: Report): Record<string, Record<string, Record<string, number | null>>> {
  return Object.fromEntries(
    r.official.tables.map((t) => [t.template, Object.fromEntries(Object.entries(t.cells).map(([row, cs]) => [row, Object.fromEntries(Object.entries(cs).map(([c, v]) => [c, v.value]))]))]),
  );
}

const findings = (file: string): string[] =>
  lintDocument(readBuffer(readFileSync(path.join(dir, file)), file))
    .messages.map((m) => `${m.severity} ${m.ruleId}: ${m.message}`)
    .sort();

describe.each(PAGES)('%s as text', (page) => {
  const html = report(`${page}.html`);
  it('the page itself has its three tables', () => {
    expect(html.official.tables.map((t) => t.kind).sort()).toEqual(['applications', 'proactive', 'review-litigation']);
  });

  it.each(TOOLS)('%s: every table read from its rules, each figure in its cell as in the page, the same findings', (tool) => {
    const file = `${page}.${tool}.txt`;
    const text = readFileSync(path.join(dir, file), 'utf8');
    // the drawing is there: box-drawing characters, or ASCII rules
    expect(text).toMatch(tool === 'links' || tool === 'rst' ? /^\s*\+-{3,}/m : /[┌┏]/);
    const r = report(file);
    // (pandoc writes table 2, which has no merged cells, as a simple table: columns set apart by spaces)
    expect(r.official.tables.map((t) => t.layout)).toEqual([tool === 'rst' ? 'text' : 'ruled-text', 'ruled-text', 'ruled-text']);
    expect(figures(r)).toEqual(figures(html));
    expect(findings(file)).toEqual(findings(`${page}.html`));
    // saved as Markdown, the drawing is paragraphs to Markdown: read as the same table
    const md = lintText(text, `${page}.${tool}.md`).messages.map((m) => `${m.severity} ${m.ruleId}: ${m.message}`).sort();
    expect(md).toEqual(findings(`${page}.html`));
  });

  it.each(TOOLS)('%s: a figure changed in the text is found, as in the page', (tool) => {
    const file = `${page}.${tool}.txt`;
    const text = readFileSync(path.join(dir, file), 'utf8');
    // table 4's row of fifteen figures: its first (行政复议 结果维持) one more, so that its 总计 is wrong
    const lines = text.split('\n');
    const row = lines.findLastIndex((l) => (l.match(/[│┃|] *\d+ *(?=[│┃|])/g) ?? []).length >= 15);
    expect(row).toBeGreaterThan(0);
    lines[row] = lines[row]!.replace(/([│┃|] *)(\d+)/, (_, a: string, n: string) => `${a}${Number(n) + 1}`);
    const wrong = lines.join('\n');
    const got = lintText(wrong, file).messages.filter((m) => m.severity === 2);
    expect(got.map((m) => m.ruleId)).toContain('table-sum');
    expect(got.every((m) => m.ruleId === 'table-sum' || m.ruleId === 'table-balance')).toBe(true);
  });
});

describe('tables without borders, laid out in columns of spaces', () => {
  it.each(['format-2019-borderless.elinks.txt', 'format-2021-narrow.w3m.txt'])('%s: table 4, its header cells a character a line in narrow columns, is read as in the page', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    // 结 / 果 / 维 / 持 down a column, beside the other cells' characters
    expect(text).toMatch(/^\s*结 +结 +其 +尚/m);
    const page = file.replace(/\.[a-z0-9]+\.txt$/, '.html');
    const t4 = (r: Report): unknown => Object.entries(figures(r)).find(([id]) => id.startsWith('review-litigation'))?.[1];
    expect(t4(report(file))).toBeDefined();
    expect(t4(report(file))).toEqual(t4(report(page)));
    // no error; a table that cannot be read in this layout is at most said to be unchecked
    const got = findings(file);
    expect(got.filter((m) => m.startsWith('2 '))).toEqual([]);
    expect(got.filter((m) => !m.includes('无法核对'))).toEqual(findings(page));
  });

  it('a changed figure of table 4 is found', () => {
    const file = 'format-2021-narrow.w3m.txt';
    const text = readFileSync(path.join(dir, file), 'utf8');
    const wrong = text.replace(/^(\s*)(\d+)(\s+\d+(?:\s+\d+){13}\s*)$/m, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
    expect(wrong).not.toBe(text);
    expect(lintText(wrong, file).messages.filter((m) => m.severity === 2).map((m) => m.ruleId)).toEqual(['table-sum']);
  });
});

describe('characters cut in two by a converter (html2text)', () => {
  const file = 'format-2021.html2text.txt';
  it('the text is read as UTF-8 with losses, not as GB18030 mojibake: the prose is whole', () => {
    const doc = readBuffer(readFileSync(path.join(dir, file)), file);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain('统计期限自2023年1月1日起至2023年12月31日止');
  });

  it('no error: the tables holding undecodable characters are "cannot check", nothing is guessed from them', () => {
    const messages = lintDocument(readBuffer(readFileSync(path.join(dir, file)), file)).messages;
    expect(messages.filter((m) => m.severity === 2)).toEqual([]);
    expect(messages.some((m) => m.ruleId === 'table-missing' && m.messageId === 'lostCharacters')).toBe(true);
    expect(messages.some((m) => m.ruleId === 'encoding')).toBe(true);
  });
});
