import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, run, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { independentSet, writeSet } from './helpers/audit-set.js';

/** Screenshots for review are kept here. */
const shots = path.join(repoRoot, 'test-output', 'audit-html');

describe('summary.html in a browser (Debian chromium, headless)', () => {
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  const set = independentSet(4242, 6);
  const spec = (id: string) => set.specs.get(id)!;
  spec('2-2022').carried = spec('2-2021').forward.map((v, i) => (i === 0 ? v + 1 : v));
  spec('4-2022').prose = spec('3-2022').prose;
  spec('4-2022').problems = spec('3-2022').problems;
  // a finding inside one report's own text: a template leftover
  spec('5-2022').problems = ['将于XX月完成门户网站政务公开专栏的改版工作。'];
  writeSet(dir, set);
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  let audit: { results: { filePath: string; errorCount: number; body: { name: string; year: number } }[] };

  beforeAll(async () => {
    ensureBuilt();
    run(['audit', dir, '--out-dir', out, '-j', '2']);
    audit = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(path.join(out, 'summary.html')).href);
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const rowsShown = () => page.$$eval('#bodies-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-file')));

  it('renders the totals, the chart and one row per report, asking nothing from the network', async () => {
    expect(await page.textContent('#overview')).toContain('报告数');
    expect(await rowsShown()).toHaveLength(audit.results.length);
    const drawn = await page.$eval('#kinds-chart', (c) => (c as unknown as { width: number }).width > 0 && Boolean((globalThis as unknown as { Chart?: { getChart(c: unknown): unknown } }).Chart?.getChart(c)));
    expect(drawn).toBe(true);
    expect(await page.textContent('#cross')).toContain('内容雷同');
    expect(requests).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  });

  it('sorts by a column, both ways', async () => {
    const errorsOf = async () => page.$$eval('#bodies-table tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent)));
    await page.click('#bodies-table th[data-key="y"]');
    const years = await page.$$eval('#bodies-table tbody tr td:nth-child(3)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    await page.click('#bodies-table th[data-key="e"]');
    const up = await errorsOf();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.click('#bodies-table th[data-key="e"]');
    const down = await errorsOf();
    expect(down).toEqual([...down].sort((a, b) => b - a));
  });

  it('filters by body, by year and by failed check', async () => {
    const body = spec('2-2022').body;
    await page.fill('#filter-text', body);
    const byBody = await rowsShown();
    expect(byBody.sort()).toEqual(audit.results.filter((r) => r.body.name === body).map((r) => r.filePath).sort());
    await page.selectOption('#filter-year', '2022');
    expect(await rowsShown()).toEqual([path.join(dir, set.files.get('2-2022')!)]);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-year', '');
    await page.selectOption('#filter-check', 'copied-text');
    expect((await rowsShown()).sort()).toEqual([path.join(dir, set.files.get('3-2022')!), path.join(dir, set.files.get('4-2022')!)].sort());
    await page.selectOption('#filter-check', '');
  });

  it('opens a report page with its findings and the failing cell marked', async () => {
    const file = path.join(dir, set.files.get('2-2022')!);
    await page.click(`#bodies-table tr[data-file="${file}"] a`);
    await page.waitForSelector('#report-page', { state: 'visible' });
    const text = await page.textContent('#report-page');
    expect(text).toContain('上年结转');
    expect(text).toContain(spec('2-2022').body);
    const marked = await page.$$eval('#report-page td.bad', (tds) => tds.map((td) => td.textContent));
    expect(marked).toContain(String(spec('2-2022').carried[0]));
    expect(await page.isVisible('#bodies')).toBe(false);
    await page.screenshot({ path: path.join(shots, 'report.png'), fullPage: true });
    await page.click('#report-page a[href="#"]');
    expect(await page.isVisible('#bodies')).toBe(true);
  });

  it('shows a finding in the report\'s own text, the words at fault marked', async () => {
    const file = path.join(dir, set.files.get('5-2022')!);
    await page.click(`#bodies-table tr[data-file="${file}"] a`);
    await page.waitForSelector('#report-page', { state: 'visible' });
    const shown = await page.$$eval('#report-page .src', (ds) => ds.map((d) => ({ text: d.textContent, marked: d.querySelector('mark')?.textContent })));
    expect(shown).toContainEqual({ text: '将于XX月完成门户网站政务公开专栏的改版工作。', marked: 'XX' });
    await page.screenshot({ path: path.join(shots, 'report-text.png'), fullPage: true });
    await page.click('#report-page a[href="#"]');
  });
});
