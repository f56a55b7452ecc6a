import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { normaliseText } from '../src/read/normalise.js';
import { inlineHeadings } from '../src/read/headings.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * One heading finder for a report given as one line, whatever its format: a text dump (split in the
 * read stage), a Markdown paragraph or an HTML paragraph (split in the model). Real complete reports
 * with their lines joined must give the sections of the report as written, and no error the
 * multi-line report does not have.
 */

const FILES = [
  'fixtures/samples/2020-order-and-cutoff.txt',
  'fixtures/samples/2021-missing-parts.txt',
  'fixtures/samples/2021-qinghe-clean.md',
  'fixtures/samples/2023-year-mismatch.txt',
  'fixtures/samples/untitled-garbled-period.txt',
  'fixtures/corpus/full/2024-huaian-1.txt',
  'fixtures/corpus/full/2025-shuyang-1.md',
  'fixtures/corpus/seeds/000_87f1300d64a69266.txt',
  'fixtures/corpus/seeds/003_225facdc4acaa8a8.txt',
  'fixtures/corpus/seeds/004_1213d647c0e6bd3f.txt',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sectionsOf(text: string, file: string): string[] {
  const r = modelDocument(readBuffer(Buffer.from(text, 'utf8'), file)).report;
  return r.sections.map((s) => `${s.numbering?.ordinal ?? '-'} ${s.title}`);
}

/**
 * The rules that give errors. By rule, not by message: a defect the report has may be worded
 * otherwise when a title cannot be told apart on one line (the years disagree, rather than the
 * title's year is the odd one out), but no rule may find an error the lines as written do not have.
 */
function errorsOf(text: string, file: string): Set<string> {
  return new Set(
    lintText(text, file)
      .messages.filter((m) => m.severity === 2)
      .map((m) => m.ruleId ?? ''),
  );
}

/** The lines of a report, trimmed, without blank lines and without Markdown's heading marks. */
function lines(rel: string): string[] {
  return readFileSync(path.join(repoRoot, rel), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^#{1,6}\s+/, ''))
    .filter(Boolean);
}

describe.each(FILES)('%s as one line', (rel) => {
  const original = readFileSync(path.join(repoRoot, rel), 'utf8');
  const file = path.basename(rel);
  const want = sectionsOf(original, file);
  const errors = errorsOf(original, file);
  const joined = lines(rel).join(' ');
  const variants: [string, string, string][] = [
    ['text, lines joined with spaces', joined, 'report.txt'],
    // a crawler's text of a page whose paragraphs were set apart with &nbsp;, or with ideographic spaces
    ['text, lines joined with no-break spaces', lines(rel).join('\u00a0'), 'report.txt'],
    ['text, lines joined with ideographic spaces', lines(rel).join('\u3000'), 'report.txt'],
    ['Markdown, lines joined with spaces', joined, 'report.md'],
    ['HTML, one paragraph', `<html><body><p>${esc(joined)}</p></body></html>`, 'report.html'],
  ];

  it('the report as written has its parts', () => {
    expect(want.length).toBeGreaterThanOrEqual(4);
  });

  it.each(variants)('%s: the same sections, no new error', (_, text, name) => {
    expect(sectionsOf(text, name)).toEqual(want);
    const extra = [...errorsOf(text, name)].filter((e) => !errors.has(e));
    expect(extra).toEqual([]);
  });

  it('Markdown whose title mark runs on over the whole line (# 标题 一、总体情况 …): the same sections', () => {
    expect(sectionsOf(`# ${joined}`, 'report.md')).toEqual(want);
  });

  it('lines joined with nothing: every part whose line before ends a sentence, a label or a cell is found', () => {
    const ls = lines(rel);
    const text = ls.join('');
    const got = sectionsOf(text, 'report.txt').map((s) => s.replace(/ .*/, ''));
    // the parts whose heading line follows a line that ends in punctuation (not a figure or a word)
    const heads = want.map((s) => s.slice(s.indexOf(' ') + 1));
    const findable = want.filter((s, k) => {
      const i = ls.findIndex((l) => l.replace(/^\S+?[、．.]\s*/, '').startsWith(heads[k]!) || l.endsWith(heads[k]!));
      return i > 0 && /[。！？；：:|｜）)]$/.test(ls[i - 1]!);
    });
    expect(findable.length).toBeGreaterThanOrEqual(2);
    for (const s of findable) expect(got, s).toContain(s.replace(/ .*/, ''));
  });
});

describe('the finder itself', () => {
  it('finds headings after a sentence end, a label, a cell or a space, with where their titles stop', () => {
    const line = '如有疑问请联系本局。一、总体情况2022年，本局主动公开信息20条。 二、主动公开政府信息情况 见下表。电话：三、收到和处理政府信息公开申请情况本年未收到申请。';
    const hs = inlineHeadings(line).map((h) => [line.slice(h.at, h.titleEnd), h.stop]);
    expect(hs).toEqual([
      ['一、总体情况', 'title-word'],
      ['二、主动公开政府信息情况', 'title-word'],
      ['三、收到和处理政府信息公开申请情况', 'title-word'],
    ]);
  });

  it('a numbering inside a sentence, or a table row with its figures, is no heading to cut at', () => {
    expect(inlineHeadings('本局在二、三季度开展了检查，共检查单位12个。')).toEqual([]);
    const row = inlineHeadings('。 一、本年新收政府信息公开申请数量 713000074二、上年结转');
    expect(row.map((h) => h.tableRow)).toEqual([true]);
    // a year after a title is not a figure of a row
    expect(inlineHeadings('。 一、总体情况 2024 年，我市…').map((h) => h.tableRow)).toEqual([false]);
  });

  it('a heading right after the report’s title, and a last heading that ends the text', () => {
    for (const title of ['某某局2022年政府信息公开工作年度报告', '某某局2022年政务公开年报']) {
      const line = `${title}一、总体情况2022年，本局主动公开信息20条。四、政府信息公开行政复议、行政诉讼情`;
      const hs = inlineHeadings(line).map((h) => [line.slice(h.at, h.titleEnd), h.stop]);
      expect(hs, title).toEqual([
        ['一、总体情况', 'title-word'],
        ['四、政府信息公开行政复议、行政诉讼情', 'line-end'],
      ]);
    }
    // a title running on past the longest a title may be is none
    expect(inlineHeadings(`。四、${'政府信息公开'.repeat(8)}`)[0]?.titleEnd).toBeUndefined();
  });

  it('a title with a comma in it runs on to the space after it', () => {
    const line = '。 二、规范依申请公开,积极回应社会关切 健全依申请公开工作机制。';
    const [h] = inlineHeadings(line);
    expect(line.slice(h!.at, h!.titleEnd)).toBe('二、规范依申请公开,积极回应社会关切');
  });

  it('the read stage splits a text dump at the same headings, keeping the source map', () => {
    const body = '本局坚持以公开为常态、不公开为例外，推进政务公开工作。'.repeat(24);
    const raw = `某某局2022年政府信息公开工作年度报告 如有疑问请联系本局。一、总体情况2022年，${body} 二、主动公开政府信息情况 ${body}三、收到和处理政府信息公开申请情况${body}`;
    const n = normaliseText(raw, 'text');
    const ls = n.text.split('\n');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']) {
      expect(ls, h).toContain(h);
      const at = n.text.indexOf(h);
      expect(raw.slice(n.toRaw(at), n.toRaw(at) + h.length)).toBe(h);
    }
  });
});

describe('contact details in a report given as one line', () => {
  const contact = (text: string, file: string) =>
    lintText(text, file)
      .messages.filter((m) => m.ruleId === 'contact-info')
      .map((m) => `${m.severity}:${m.messageId}`);
  const BODY = '2022年，本局主动公开政府信息120条。'.repeat(30);

  it('a label left empty right before the next part is empty, in every format', () => {
    for (const sep of [' ', '']) {
      const line = `某某局2022年政府信息公开工作年度报告${sep}如对本报告有疑问，请与本局办公室联系，电话：${sep}一、总体情况${sep}${BODY}`;
      for (const [text, file] of [
        [line, 'r.txt'],
        [line, 'r.md'],
        [`<p>${line}</p>`, 'r.html'],
      ] as const) {
        const multi = contact(line.replace(`电话：${sep}一、`, '电话：\n一、').replace('报告如', '报告\n如'), file === 'r.html' ? 'r.txt' : file);
        expect(contact(text, file), `${file} ${JSON.stringify(sep)}`).toEqual(multi);
      }
    }
  });

  it('a whole article on one line is not taken for a header or footer line of the page', () => {
    const line = `某某局2022年政府信息公开工作年度报告 如对本报告有疑问，请与本局办公室联系（电话：0591-23165385）。 一、总体情况 ${BODY} 主办单位：某某局 网站标识码：3500000001`;
    for (const file of ['r.txt', 'r.md']) expect(contact(line, file), file).toEqual([]);
  });
});
