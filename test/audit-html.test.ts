import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, run, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { independentSet, writeSet } from './helpers/audit-set.js';
import { HTML_CHUNK, SummaryWriter } from '../src/audit/summary.js';
import type { AuditRecord } from '../src/audit/record.js';
import type { Totals } from '../src/audit/run.js';

/** Screenshots for review are kept here. */
const shots = path.join(repoRoot, 'test-output', 'audit-html');

describe('summary.html in a browser (Debian chromium, headless)', () => {
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  const set = independentSet(4242, 7);
  const spec = (id: string) => set.specs.get(id)!;
  spec('2-2022').carried = spec('2-2021').forward.map((v, i) => (i === 0 ? v + 1 : v));
  spec('4-2022').prose = spec('3-2022').prose;
  spec('4-2022').problems = spec('3-2022').problems;
  // a finding inside one report's own text: a template leftover
  spec('5-2022').problems = ['将于XX月完成门户网站政务公开专栏的改版工作。'];
  writeSet(dir, set);
  // a report that names its body as every county's 农业农村局, nowhere with its county: filed under no body
  const unknown = path.join(dir, set.files.get('6-2022')!);
  writeFileSync(unknown, readFileSync(unknown, 'utf8').replaceAll(spec('6-2022').body, '农业农村局'));
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
    await page.waitForSelector('body[data-ready="1"]');
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
    // the checks are offered by the names an official reads (内容雷同), and filter by rule id
    expect(await page.$eval('#filter-check option[value="copied-text"]', (o) => o.textContent)).toBe('内容雷同');
    await page.selectOption('#filter-check', 'copied-text');
    expect((await rowsShown()).sort()).toEqual([path.join(dir, set.files.get('3-2022')!), path.join(dir, set.files.get('4-2022')!)].sort());
    const failed = await page.$$eval('#bodies-table tbody tr td:nth-child(7)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(failed.length).toBe(2);
    for (const f of failed) expect(f.split('、')).toContain('内容雷同');
    await page.selectOption('#filter-check', '');
  });

  it('shows the reports whose body or year could not be told', async () => {
    await page.selectOption('#filter-errors', 'unattributed');
    expect(await rowsShown()).toEqual([unknown]);
    expect(await page.textContent('#bodies-table tbody tr td:first-child')).toBe('（未能确定）');
    await page.selectOption('#filter-errors', '');
    expect(await rowsShown()).toHaveLength(audit.results.length);
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
    // the page follows the address's #, which the browser reports after the click (hashchange)
    await page.waitForSelector('#bodies', { state: 'visible', timeout: 10_000 });
    expect(await page.isVisible('#report-page')).toBe(false);
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

/** A result line as the audit writes it, for a report that was not really read: what the summary shows of it. */
function syntheticRecord(i: number): AuditRecord {
  const errors = (i * 7) % 5;
  const messages = Array.from({ length: errors }, (_, k) => ({
    ruleId: k % 2 ? 'table-sum' : 'section-missing',
    severity: 2 as const,
    message: `报告${i}的第${k + 1}个问题`,
    line: 10 + k,
    column: 1,
    endLine: 10 + k,
    endColumn: 5,
    messageId: 'x',
  }));
  return {
    filePath: `/reports/${String(i).padStart(6, '0')}.txt`,
    messages,
    errorCount: errors,
    warningCount: i % 3,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    report: null,
    excerpts: Object.fromEntries(messages.map((m) => [String(m.line), `第${m.line}行原文，报告${i}`])),
    tables: [
      {
        template: 'format-2021-applications',
        kind: 'applications',
        generation: 'format-2021',
        truncated: false,
        issues: 0,
        issueRows: [],
        cells: { new: { total: { v: i, k: 'number', t: String(i), line: 30, column: 5 } } },
      },
    ],
    body: { name: `第${i}号机关`, key: `第${i}号机关`, year: 2021 + (i % 3), level: i % 2 ? '县级' : '乡级', source: 'manifest', kind: 'body' },
    audit: { sha256: '', size: 0, mtimeMs: 0, key: '', budget: '', fingerprint: { h: [], n: [], l: [] } },
  } as unknown as AuditRecord;
}

describe('summary.html of many reports (headless chromium)', () => {
  const n = 2 * HTML_CHUNK + 234 + Math.floor(Math.random() * HTML_CHUNK);
  const out = tempDir();
  let browser: Browser;
  let page: Page;
  let size = 0;

  beforeAll(async () => {
    const w = new SummaryWriter(out, 'zh', ['section-missing', 'table-sum']);
    await w.open();
    const totals: Totals = { files: n, checked: n, reused: 0, errors: 0, warnings: 0, filesWithErrors: 0, failed: 0, tooComplex: 0, bodies: n, unattributed: 0, byRule: {}, crossReport: {} };
    for (let i = 0; i < n; i++) {
      const rec = syntheticRecord(i);
      totals.errors += rec.errorCount;
      w.row(rec, new Set());
    }
    await w.finish({ cross: [], totals, bodies: [], area: {}, unattributed: [], manifestMissing: [], unmatched: [] });
    size = statSync(path.join(out, 'summary.html')).size;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(path.join(out, 'summary.html')).href);
    await page.waitForSelector('body[data-ready="1"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const rowsShown = () => page.$$eval('#bodies-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-file')));

  it('keeps the data compressed: well under the size of the rows as plain JSON', () => {
    const plain = Array.from({ length: n }, (_, i) => JSON.stringify(syntheticRecord(i))).join('').length;
    // the page's own script and Chart.js are ~210 KB; the reports take a fraction of their JSON
    expect(size - 250_000).toBeLessThan(plain / 3);
  });

  it('puts one page of rows in the document, and pages through all of them', async () => {
    expect(await page.textContent('#shown-count')).toContain(`${n} / ${n}`);
    const pages = Math.ceil(n / 100);
    expect(await page.textContent('#page-info')).toBe(`第 1 / ${pages} 页`);
    const first = await rowsShown();
    expect(first).toHaveLength(100);
    const seen = new Set(first);
    for (let p = 1; p < pages; p++) {
      await page.click('#page-next');
      for (const f of await rowsShown()) seen.add(f);
    }
    expect(seen.size).toBe(n);
    expect(await page.isDisabled('#page-next')).toBe(true);
    await page.click('#page-prev');
    expect(await page.textContent('#page-info')).toBe(`第 ${pages - 1} / ${pages} 页`);
  });

  it('sorts and filters the whole list, not only the page shown', async () => {
    await page.click('#bodies-table th[data-key="e"]');
    await page.click('#bodies-table th[data-key="e"]');
    const top = await page.$$eval('#bodies-table tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(top.every((e) => e === 4)).toBe(true);
    expect(await page.textContent('#page-info')).toMatch(/^第 1 \//);
    const i = n - 3;
    await page.fill('#filter-text', `第${i}号机关`);
    expect(await rowsShown()).toEqual([`/reports/${String(i).padStart(6, '0')}.txt`]);
    await page.fill('#filter-text', '');
  });

  it('opens a report from a later block with its own findings and text', async () => {
    const i = 2 * HTML_CHUNK + 17;
    const rec = syntheticRecord(i);
    await page.fill('#filter-text', `第${i}号机关`);
    await page.click(`#bodies-table tr[data-file="${rec.filePath}"] a`);
    await page.waitForSelector('#report-page', { state: 'visible' });
    const text = await page.textContent('#report-page');
    for (const m of rec.messages) expect(text).toContain(m.message);
    expect(await page.$$eval('#report-page .src', (ds) => ds.map((d) => d.textContent))).toEqual(Object.values(rec.excerpts!));
    await page.click('#report-page a[href="#"]');
    await page.fill('#filter-text', '');
  });
});
