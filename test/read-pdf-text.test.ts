import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readPath } from '../src/read/index.js';
import { lintDocument } from '../src/lint.js';
import { repoRoot } from './helpers/corpus.js';

/*
 * Text taken out of a PDF by pdftotext, as an official copies a published report (see
 * fixtures/pdf/make.sh): the findings of the web page the PDF was printed from, with the layout
 * kept (-layout); without it a table's cells come out column by column, and a table that cannot be
 * read is said to be unchecked (a warning), never missing and never wrong.
 */
const dir = path.join(repoRoot, 'fixtures/pdf/text');
const NAMES = ['full-borders', 'full-borders-9pt', 'full-borders-9pt-wrong-total', 'rules-across-9pt', 'borderless-9pt', 'borderless-14pt-three-pages'];

type Finding = { rule: string; severity: number; message: string };
async function findings(file: string): Promise<Finding[]> {
  const r = lintDocument(await readPath(path.join(dir, file)));
  return r.messages.map((m) => ({ rule: m.ruleId ?? '', severity: m.severity, message: m.message })).sort((a, b) => (a.message < b.message ? -1 : 1));
}

describe('text taken out of a PDF by pdftotext', () => {
  it.each(NAMES)('%s, with its layout: the findings of the page it was printed from', async (name) => {
    expect(await findings(`${name}.layout.txt`)).toEqual(await findings(`${name}.html`));
  });

  it.each(NAMES)('%s, cells column by column: no finding the page lacks but tables said to be unchecked', async (name) => {
    const page = await findings(`${name}.html`);
    const raw = await findings(`${name}.raw.txt`);
    const extra = raw.filter((f) => !page.some((p) => p.message === f.message));
    for (const f of extra) expect(f).toMatchObject({ rule: 'table-missing', severity: 1 });
    // what the page has is found too, but for the figures of the tables that could not be read
    const lost = page.filter((p) => !raw.some((f) => f.message === p.message));
    for (const f of lost) expect(f.rule).toBe('table-sum');
    if (lost.length) expect(extra.some((f) => f.message.includes('收到和处理政府信息公开申请情况'))).toBe(true);
  });

  it('borderless-14pt-three-pages, its pages not marked (-nopgbrk): the header rows the pages repeat are left out, and the findings are the page\'s', async () => {
    expect(await findings('borderless-14pt-three-pages.nopgbrk.txt')).toEqual(await findings('borderless-14pt-three-pages.html'));
  });

  it('the wrong figure is found in the text as in the page', async () => {
    const sums = (await findings('full-borders-9pt-wrong-total.layout.txt')).filter((f) => f.rule === 'table-sum');
    expect(sums.map((f) => f.message)).toEqual([
      '“（一）予以公开”行“总计”列不符合“总计＝自然人＋法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）”：应为 872，实为 871',
      '“（七）总计”行“自然人”列不符合“（七）总计＝（一）至（六）各项之和”：应为 2780，实为 2779',
    ]);
  });
});

describe('text taken out of the PDFs of fixtures/pdf by pdftotext', () => {
  const word = (f: string): string => path.join(repoRoot, 'fixtures/pdf/word', f);
  const keyed = async (file: string): Promise<string[]> => (await findings(file)).map((f) => `${f.severity} ${f.rule} ${f.message}`);

  it.each([
    // table 3 runs onto the next page, whose top repeats its header rows (a form feed before them)
    ['word-header-at-page-foot.layout.txt', 'header-at-page-foot.html'],
    ['word-borderless-repeated-header.layout.txt', 'borderless-repeated-header.html'],
    // the same without form feeds (-nopgbrk): the header breaks off rows of figures
    ['word-header-at-page-foot.nopgbrk.txt', 'header-at-page-foot.html'],
    ['word-borderless-repeated-header.nopgbrk.txt', 'borderless-repeated-header.html'],
  ])('%s: the header rows a page repeats are left out, and the findings are the page\'s', async (text, page) => {
    expect(await keyed(text)).toEqual(await keyed(path.relative(dir, word(page))));
  });

  it.each([
    // table 4's header cells a character a line in narrow columns (行 / 政 / 复 / 议)
    ['word-2021-qinghe-clean.layout.txt', 'fixtures/samples/2021-qinghe-clean.md'],
    ['word-format-2021-narrow.layout.txt', 'fixtures/html/format-2021.txt'],
    // table 2's figures before its labels, without the layout
    ['word-2021-missing-parts.raw.txt', 'fixtures/samples/2021-missing-parts.txt'],
    // web pages printed by Chromium, taken out in the order the PDF was written (-raw): the page's
    // details on the line of the report's first words; table 2's rows set apart by single spaces
    ['chromium-format-2021.order.txt', 'fixtures/html/format-2021.html'],
    ['chromium-format-2019.order.txt', 'fixtures/html/format-2019.html'],
  ])('%s: no finding its source lacks but tables said to be unchecked', async (text, source) => {
    const original = await keyed(path.relative(dir, path.join(repoRoot, source)));
    const extra = (await findings(text)).filter((f) => !original.includes(`${f.severity} ${f.rule} ${f.message}`));
    for (const f of extra) expect(f).toMatchObject({ rule: 'table-missing', severity: 1 });
  });
});
