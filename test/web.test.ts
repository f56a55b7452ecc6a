/**
 * The web page, in headless Chromium: the built page is served by `ogi-lint web`, real reports are
 * dropped, chosen or pasted, and the findings the page lists must be the command line's for the
 * same files. Screenshots and a printed PDF are written to test-output/web/ for review.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt, run, runMain, tempDir, writeTree } from './helpers/cli.js';
import { ensureWebBuilt, findChromium } from './helpers/web.js';
import { repoRoot } from './helpers/corpus.js';

const chromiumPath = findChromium();
if (!chromiumPath) {
  process.stderr.write(
    'web page tests skipped: Chromium is not installed (apt-get install -y chromium; .ci/run installs it where apt is available)\n',
  );
}

const out = path.join(repoRoot, 'test-output', 'web');

interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
}

interface CliMessage {
  ruleId: string;
  severity: 1 | 2;
  line: number;
  column: number;
  message: string;
}

function key(f: Finding): string {
  return `${f.line}:${f.column} ${f.severity} ${f.ruleId}`;
}

/**
 * The command line's findings for a file, as JSON: its `main` run in this process (the binary's own
 * start-up and streams are tested elsewhere), so that each comparison does not start node again.
 */
async function cliMessages(file: string, extra: string[] = []): Promise<CliMessage[]> {
  const r = await runMain([file, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { messages: CliMessage[] }[])[0]!.messages;
}

async function cliFindings(file: string, extra: string[] = []): Promise<Finding[]> {
  return findingsOf(await cliMessages(file, extra));
}

function findingsOf(messages: CliMessage[]): Finding[] {
  return messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', line: m.line, column: m.column }));
}

/** The findings the page lists, read from the elements' data attributes. */
async function pageFindings(page: Page): Promise<Finding[]> {
  return page.$$eval('.finding', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { ruleId: d.ruleId!, severity: d.severity as 'error' | 'warning', line: Number(d.line), column: Number(d.column) };
    }),
  );
}

function sorted(fs: Finding[]): string[] {
  return fs.map(key).sort();
}

/** How many results the page has shown so far. */
async function shown(page: Page): Promise<number> {
  return Number((await page.getAttribute('body', 'data-results')) ?? 0);
}

/** Do something that starts a check, then wait until the page shows its result for `fileName`. */
async function checked(page: Page, fileName: string, action: () => Promise<unknown>): Promise<void> {
  const before = await shown(page);
  await action();
  await page.waitForFunction(
    ({ name, before }) =>
      document.body.dataset.state === 'done' &&
      Number(document.body.dataset.results ?? 0) > before &&
      document.getElementById('fact-file')?.textContent === name,
    { name: fileName, before },
    { timeout: 60_000 },
  );
}

/** Drop files on the page the way a browser does: a drop event carrying a DataTransfer with the files. */
async function dropFiles(page: Page, files: string[]): Promise<void> {
  const given = files.map((file) => ({ name: path.basename(file), b64: readFileSync(file).toString('base64') }));
  await page.evaluate((given) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of given) dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    const target = document.getElementById('drop')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, given);
}

const dropFile = (page: Page, file: string): Promise<void> => dropFiles(page, [file]);

/** Wait until every report in the page's list has been checked. */
async function allChecked(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.queue === '0' && document.querySelectorAll('.file-entry[data-state="done"]').length > 0, undefined, {
    timeout: 120_000,
  });
}

/** Start over: no reports in the list, no configuration. */
async function clearPage(page: Page): Promise<void> {
  // the list and its button are shown only while it holds files (clicking a hidden button would wait for it)
  if (await page.isVisible('#clear-files')) await page.click('#clear-files');
  if ((await page.getAttribute('body', 'data-config')) && (await page.getAttribute('body', 'data-config')) !== 'none') {
    await page.evaluate(() => (document.getElementById('config-clear') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.body.dataset.config === 'none');
  }
}

// the command line (dist/) and the page (web/dist/), built when missing or older than their sources
beforeAll(() => {
  ensureBuilt();
  ensureWebBuilt();
}, 300_000);

/** A one-page PDF with a line of text, cross-reference table and all. */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe.skipIf(!chromiumPath)('web page in Chromium', () => {
  let server: ChildProcess;
  let base = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'ogi-lint.js'), 'web', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    base = await new Promise<string>((resolve, reject) => {
      let text = '';
      server.stdout!.on('data', (b: Buffer) => {
        text += b.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
        if (m) resolve(m[0]);
      });
      server.stderr!.on('data', (b: Buffer) => reject(new Error(b.toString())));
      server.on('exit', (code) => reject(new Error(`ogi-lint web exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // the page's policy refuses eval: nothing it runs may need it
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
    });
    await page.goto(base);
    await page.waitForFunction(() => document.body.dataset.worker === 'ready');
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('is in Chinese by default and says that nothing is uploaded', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#privacy')).toContain('不会上传');
    await page.screenshot({ path: path.join(out, 'start.png') });
  });

  it('lists the same findings as the command line for a dropped Word document, and shows its tables', async () => {
    const file = path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx');
    await checked(page, 'seed-004.docx', () => dropFile(page, file));
    const expected = await cliFindings(file);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await pageFindings(page))).toEqual(sorted(expected));
    expect(await page.getAttribute('#fact-year', 'data-year')).toBe('2016');
    expect(await page.getAttribute('#fact-generation', 'data-profile')).toBe('legacy');
    // the report is shown as written: its title, paragraphs and tables
    expect(await page.locator('#report h1.doc-title').count()).toBe(1);
    expect(await page.locator('#report p').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(out, 'docx.png'), fullPage: true });
  });

  it('lists the same findings as the command line for every Word and PDF input in the fixtures, and for a PDF made here', async () => {
    const dirs = [path.join(repoRoot, 'fixtures', 'inputs'), path.join(repoRoot, 'fixtures', 'pdf'), path.join(repoRoot, 'fixtures', 'pdf', 'word')].filter((d) => existsSync(d));
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-web-'));
    const made = path.join(tmp, 'made.pdf');
    writeFileSync(made, minimalPdf('2021 annual report'));
    const inputs = [...dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(docx|pdf)$/i.test(f)).map((f) => path.join(d, f))), made];
    expect(inputs.some((f) => f.endsWith('.docx'))).toBe(true);
    for (const file of inputs) {
      await checked(page, path.basename(file), () => dropFile(page, file));
      expect(sorted(await pageFindings(page)), path.basename(file)).toEqual(sorted(await cliFindings(file)));
    }
  });

  it('scrolls to a finding when it is clicked', async () => {
    await checked(page, 'seed-004.docx', () => dropFile(page, path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx')));
    const items = await pageFindings(page);
    const last = items.reduce((a, b) => (b.line > a.line ? b : a));
    await page.evaluate(() => window.scrollTo(0, 0));
    const item = page.locator(`.finding[data-line="${last.line}"][data-rule-id="${last.ruleId}"]`).first();
    const index = await item.getAttribute('data-index');
    await item.click();
    const target = page.locator(`#f-${index}`);
    await expect.poll(async () => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const inView = await target.evaluate((e) => {
      const shown = e.classList.contains('anchor') ? e.parentElement! : e;
      const r = shown.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight && shown.classList.contains('current');
    });
    expect(inView).toBe(true);
    // the place clicked to is the finding's line
    const line = await target.evaluate((e) => e.closest('[data-line]')?.getAttribute('data-line'));
    expect(Number(line)).toBeLessThanOrEqual(last.line);
    await page.screenshot({ path: path.join(out, 'docx-clicked.png') });
  });

  it('lists the same findings as the command line for text reports chosen with the file chooser', async () => {
    const files = [
      path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt'),
      path.join(repoRoot, 'fixtures', 'corpus', 'full', '2024-huaian-1.txt'),
      path.join(repoRoot, 'fixtures', 'corpus', 'full', '2025-shuyang-1.md'),
    ];
    for (const file of files) {
      await checked(page, path.basename(file), () => page.setInputFiles('#file', file));
      expect(sorted(await pageFindings(page)), path.basename(file)).toEqual(sorted(await cliFindings(file)));
    }
    // tables as tables, with the cells that fail outlined
    expect(await page.locator('#report table').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(out, 'markdown.png'), fullPage: true });
  });

  it('checks pasted text as the command line checks the same file', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2023-year-mismatch.txt');
    await page.fill('#paste', readFileSync(file, 'utf8'));
    await page.selectOption('#paste-kind', 'report.txt');
    await checked(page, 'report.txt', () => page.click('#check-paste'));
    const expected = await cliFindings(file);
    expect(sorted(await pageFindings(page))).toEqual(sorted(expected));
    // each finding's text is the command line's
    const messages = await page.$$eval('.finding .msg', (els) => els.map((e) => e.textContent));
    expect(messages.sort()).toEqual((await cliMessages(file)).map((m) => m.message).sort());
  });

  it('outlines the table cells that do not add up, with the expected value', async () => {
    const file = path.join(repoRoot, 'fixtures', 'tables', 'recog-2021-sums.md');
    const sums = (await cliMessages(file)).filter((m) => m.ruleId === 'table-sum') as (CliMessage & { expected: number })[];
    expect(sums.length).toBeGreaterThan(0);
    await checked(page, 'recog-2021-sums.md', () => page.setInputFiles('#file', file));
    expect(sorted(await pageFindings(page))).toEqual(sorted(await cliFindings(file)));
    const cells = await page.$$eval('td.cell-mark .expected', (es) => es.map((e) => e.textContent ?? ''));
    for (const m of sums) expect(cells, `${m.line}:${m.column}`).toContain(`应为 ${m.expected}`);
    await page.locator('td.cell-mark').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(out, 'table.png') });
  });

  it('changes the profile on request and checks again', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt');
    await checked(page, '2021-missing-parts.txt', () => page.setInputFiles('#file', file));
    await checked(page, '2021-missing-parts.txt', () => page.selectOption('#profile', 'format-2019'));
    expect(await page.getAttribute('#fact-generation', 'data-profile')).toBe('format-2019');
    expect(sorted(await pageFindings(page))).toEqual(sorted(await cliFindings(file, ['--profile', 'format-2019'])));
  });

  it('downloads the findings as the JSON and CSV the command line writes', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt');
    // choosing the same file again checks it again, with the profile chosen by its year
    await checked(page, '2021-missing-parts.txt', () => page.setInputFiles('#file', file));
    expect(await page.getAttribute('#fact-generation', 'data-profile')).toBe('format-2021');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const got = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { messages: unknown[] }[];
    expect(got[0]!.messages).toEqual(await cliMessages(file));
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const csvText = readFileSync((await csvDownload.path())!, 'utf8');
    const r = run([file, '--format', 'csv']);
    // the same rows, the file named as the page knows it (the command line gives its full path)
    const rows = r.stdout.split('\r\n').map((row) => row.replace(`${file},`, `${path.basename(file)},`));
    expect(rows.length).toBeGreaterThan(2);
    expect(csvText.replace(/^\ufeff/, '').split('\r\n')).toEqual(rows);
  });

  it('switches to English, and the findings follow', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt');
    await checked(page, '2021-missing-parts.txt', () => page.click('#lang'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#privacy')).toContain('never uploaded');
    const messages = await page.$$eval('.finding .msg', (els) => els.map((e) => e.textContent));
    expect(messages.sort()).toEqual((await cliMessages(file, ['--locale', 'en'])).map((m) => m.message).sort());
    await page.screenshot({ path: path.join(out, 'english.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('prints the report and the findings without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#input').isVisible()).toBe(false);
    expect(await page.locator('#report').isVisible()).toBe(true);
    expect(await page.locator('#findings .finding').first().isVisible()).toBe(true);
    await page.pdf({ path: path.join(out, 'printed.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('checks again for a report year set by hand, with the findings the command line gives with --year', async () => {
    await clearPage(page);
    // each report set to years before, after and at the one it states (2023-year-mismatch states 2024: its period, text and date outvote its title's 2023)
    const cases: [string, number[]][] = [
      [path.join(repoRoot, 'fixtures', 'samples', '2021-qinghe-clean.md'), [2024, 2019, 2021]],
      [path.join(repoRoot, 'fixtures', 'samples', '2023-year-mismatch.txt'), [2023, 2022]],
      [path.join(repoRoot, 'fixtures', 'corpus', 'full', '2024-huaian-1.txt'), [2020, 2025]],
    ];
    for (const [file, years] of cases) {
      const name = path.basename(file);
      await checked(page, name, () => page.setInputFiles('#file', file));
      expect(await page.isVisible('#year-reset')).toBe(false);
      const stated = await page.getAttribute('#fact-year', 'data-year');
      expect(await page.inputValue('#year')).toBe(stated);
      for (const year of years) {
        await checked(page, name, async () => {
          await page.fill('#year', String(year));
          await page.press('#year', 'Enter');
        });
        const label = `${name} --year ${year}`;
        expect(await page.getAttribute('#fact-year', 'data-year'), label).toBe(String(year));
        expect(await page.isVisible('#year-reset'), label).toBe(true);
        const cli = await cliMessages(file, ['--year', String(year)]);
        expect(sorted(await pageFindings(page)), label).toEqual(sorted(findingsOf(cli)));
        const messages = await page.$$eval('.finding .msg', (els) => els.map((e) => e.textContent));
        expect(messages.sort(), label).toEqual(cli.map((m) => m.message).sort());
        // the format follows the year, as on the command line
        expect(await page.getAttribute('#fact-generation', 'data-profile'), label).toBe(year >= 2021 ? 'format-2021' : 'format-2019');
      }
      await checked(page, name, () => page.click('#year-reset'));
      expect(await page.getAttribute('#fact-year', 'data-year')).toBe(stated);
      expect(sorted(await pageFindings(page)), name).toEqual(sorted(await cliFindings(file)));
    }
    // the clean 2021 report set to 2024 is told that its statistics period is not the report year
    const clean = path.join(repoRoot, 'fixtures', 'samples', '2021-qinghe-clean.md');
    expect((await cliFindings(clean)).some((f) => f.ruleId === 'stats-period')).toBe(false);
    expect((await cliFindings(clean, ['--year', '2024'])).some((f) => f.ruleId === 'stats-period')).toBe(true);
    // a year that is not one is refused, and nothing is checked again
    const before = await shown(page);
    await page.fill('#year', '1800');
    await page.press('#year', 'Enter');
    expect(await page.$eval('#year', (e) => (e as HTMLInputElement).validity.customError)).toBe(true);
    expect(await shown(page)).toBe(before);
    await page.screenshot({ path: path.join(out, 'year.png') });
  }, 300_000);

  it('applies a configuration and a profile given on the page as the command line applies them with --config', async () => {
    await clearPage(page);
    const dir = tempDir();
    const province = {
      id: 'province-2021',
      generation: 'format-2021',
      name: { zh: '某省2021年版格式', en: 'a province’s 2021 format' },
      extends: 'format-2021',
      sections: [],
      deadlines: { body: '01-15', summary: '03-15' },
    };
    const rc = {
      root: true,
      profiles: ['./province.json'],
      extends: 'province-2021',
      rules: { 'stats-period': 'off', 'report-year': 'warn', 'required-sections': 'warn', 'stale-date': 'error' },
      overrides: [{ files: ['*.txt'], rules: { 'report-title': 'off', 'contact-info': 'warn' } }],
      // a dropped file is checked all the same, as a file named on the command line; the page says so
      ignorePatterns: ['*.md'],
    };
    writeTree(dir, { '.ogilintrc.json': rc, 'province.json': province });
    const reports = [
      path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt'),
      path.join(repoRoot, 'fixtures', 'samples', '2023-year-mismatch.txt'),
      path.join(repoRoot, 'fixtures', 'corpus', 'full', '2025-shuyang-1.md'),
    ];
    for (const r of reports) copyFileSync(r, path.join(dir, path.basename(r)));
    await page.setInputFiles('#config-file', [path.join(dir, '.ogilintrc.json'), path.join(dir, 'province.json')]);
    await page.waitForFunction(() => document.body.dataset.config === 'ok');
    expect(await page.textContent('#config-status')).toContain('.ogilintrc.json');
    // the profile from the file can be chosen like a built-in one
    expect(await page.locator('#profile option[value="province-2021"]').count()).toBe(1);
    let differs = false;
    for (const r of reports) {
      const file = path.join(dir, path.basename(r));
      await checked(page, path.basename(r), () => page.setInputFiles('#file', file));
      const expected = await cliFindings(file, ['--config', path.join(dir, '.ogilintrc.json')]);
      expect(sorted(await pageFindings(page)), path.basename(r)).toEqual(sorted(expected));
      expect(await page.locator('#ignored-note').count(), path.basename(r)).toBe(r.endsWith('.md') ? 1 : 0);
      differs ||= sorted(expected).join() !== sorted(await cliFindings(r)).join();
    }
    // the configuration made a difference, so the comparison above says something
    expect(differs).toBe(true);
    await page.screenshot({ path: path.join(out, 'config.png') });

    // not kept unless asked: a reload forgets it
    expect(await page.evaluate(() => localStorage.getItem('ogi-lint-config'))).toBeNull();
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.worker === 'ready');
    expect(await page.getAttribute('body', 'data-config')).toBeNull();

    // kept when asked, and applied after a reload
    await page.setInputFiles('#config-file', [path.join(dir, '.ogilintrc.json'), path.join(dir, 'province.json')]);
    await page.waitForFunction(() => document.body.dataset.config === 'ok');
    await page.check('#config-remember');
    expect(await page.evaluate(() => localStorage.getItem('ogi-lint-config'))).toContain('province-2021');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.worker === 'ready' && document.body.dataset.config === 'ok');
    expect(await page.isChecked('#config-remember')).toBe(true);
    const file = path.join(dir, '2023-year-mismatch.txt');
    await checked(page, '2023-year-mismatch.txt', () => page.setInputFiles('#file', file));
    expect(sorted(await pageFindings(page))).toEqual(sorted(await cliFindings(file, ['--config', path.join(dir, '.ogilintrc.json')])));
    // and forgotten when no longer wanted
    await page.uncheck('#config-remember');
    expect(await page.evaluate(() => localStorage.getItem('ogi-lint-config'))).toBeNull();

    // a profile file dropped alone, chosen by its id: --profile with the profile in a configuration
    await page.click('#config-clear');
    await page.waitForFunction(() => document.body.dataset.config === 'none');
    await dropFile(page, path.join(dir, 'province.json'));
    await page.waitForFunction(() => document.body.dataset.config === 'ok');
    await checked(page, '2023-year-mismatch.txt', () => page.selectOption('#profile', 'province-2021'));
    const rename = path.join(dir, 'cfg', '.ogilintrc.json');
    writeTree(path.dirname(rename), { '.ogilintrc.json': { root: true, profiles: ['../province.json'] } });
    expect(sorted(await pageFindings(page))).toEqual(sorted(await cliFindings(file, ['--config', rename, '--profile', 'province-2021'])));
    await clearPage(page);
  }, 300_000);

  it('says what is wrong with a configuration in the words of the command line, and checks without it', async () => {
    await clearPage(page);
    const report = path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt');
    const good = { id: 'good-2021', generation: 'format-2021', name: { zh: '甲', en: 'A' }, extends: 'format-2021', sections: [], deadlines: { body: '01-31', summary: '03-31' } };
    const variants: Record<string, Record<string, unknown>> = {
      'misspelt rule': { '.ogilintrc.json': { rules: { 'stats-perod': 'off' } } },
      'bad severity': { '.ogilintrc.json': { rules: { 'stats-period': 'loud' } } },
      'bad rule options': { '.ogilintrc.json': { rules: { 'required-sections': ['warn', { nonsense: 1 }] } } },
      'unknown key': { '.ogilintrc.json': { rulez: {} } },
      'unknown profile': { '.ogilintrc.json': { profile: 'format-2012' } },
      'missing profile file': { '.ogilintrc.json': { profiles: ['./nowhere.json'] } },
      'profile against its schema': { '.ogilintrc.json': { profiles: ['./bad.json'] }, 'bad.json': { ...good, id: 'bad', deadlines: undefined, generation: 'format-2030' } },
    };
    for (const [label, files] of Object.entries(variants)) {
      const dir = tempDir();
      writeTree(dir, files as Record<string, object>);
      const r = run(['--config', path.join(dir, '.ogilintrc.json'), report]);
      expect(r.code, label).toBe(2);
      const [first, ...rest] = r.stderr.trimEnd().split('\n');
      expect(first, label).toBe('ogi-lint：配置有误：');
      // the command line names the files by their paths, the page by their names
      const cliText = rest.join('\n').replaceAll(`${dir}${path.sep}`, '');
      await page.setInputFiles('#config-file', Object.keys(files).map((f) => path.join(dir, f)));
      await page.waitForFunction(() => document.body.dataset.config === 'error');
      expect(await page.textContent('#config-error'), label).toBe(cliText);
      await page.click('#config-clear');
      await page.waitForFunction(() => document.body.dataset.config === 'none');
    }
    // not JSON at all: the file and the place of the mistake
    const dir = tempDir();
    writeFileSync(path.join(dir, '.ogilintrc.json'), '{\n  "rules": {\n    "stats-period": "off",\n  }\n}\n');
    await page.setInputFiles('#config-file', path.join(dir, '.ogilintrc.json'));
    await page.waitForFunction(() => document.body.dataset.config === 'error');
    expect(await page.textContent('#config-error')).toMatch(/^\.ogilintrc\.json:\d+:\d+：不是合法的 JSON：/);
    // a broken configuration is not used: the report is checked as without one
    await checked(page, '2021-missing-parts.txt', () => page.setInputFiles('#file', report));
    expect(sorted(await pageFindings(page))).toEqual(sorted(await cliFindings(report)));
    await page.screenshot({ path: path.join(out, 'config-error.png') });
    await clearPage(page);
  }, 300_000);

  it('checks several reports at once, one at a time off the page, lists them with their counts and downloads all the findings', async () => {
    await clearPage(page);
    const files = [
      path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx'),
      path.join(repoRoot, 'fixtures', 'pdf', 'format-2021.pdf'),
      path.join(repoRoot, 'fixtures', 'corpus', 'full', '2024-huaian-1.txt'),
    ];
    const names = files.map((f) => path.basename(f));
    await dropFiles(page, files);
    // the page keeps drawing while the reports are checked: the longest gap between frames
    const gap = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let longest = 0;
          const stop = last + 120_000;
          const tick = (t: number): void => {
            longest = Math.max(longest, t - last);
            last = t;
            if (document.body.dataset.queue === '0' || t > stop) resolve(longest);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(gap).toBeLessThan(1000);
    await allChecked(page);
    expect(await page.$$eval('.file-entry', (es) => es.map((e) => (e as HTMLElement).dataset.name))).toEqual(names);
    const cli = JSON.parse(run([...files, '--format', 'json']).stdout) as { filePath: string; errorCount: number; warningCount: number; messages: CliMessage[] }[];
    const byName = new Map(cli.map((r) => [path.basename(r.filePath), r]));
    expect([...byName.keys()].sort()).toEqual([...names].sort());
    for (const name of names) {
      const entry = page.locator(`.file-entry[data-name="${name}"]`);
      expect(await entry.getAttribute('data-errors'), name).toBe(String(byName.get(name)!.errorCount));
      expect(await entry.getAttribute('data-warnings'), name).toBe(String(byName.get(name)!.warningCount));
    }
    // a click on one shows it
    for (const name of [...names].reverse()) {
      await checked(page, name, () => page.click(`.file-entry[data-name="${name}"]`));
      expect(sorted(await pageFindings(page)), name).toEqual(sorted(await cliFindings(files[names.indexOf(name)]!)));
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(out, 'files.png') });
    // all the findings, as the command line writes them for the same files
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-all-json')]);
    const got = JSON.parse(readFileSync((await json.path())!, 'utf8')) as typeof cli;
    expect(got.map((r) => r.filePath)).toEqual(names);
    for (const r of got) {
      const want = byName.get(r.filePath)!;
      expect(r.messages, r.filePath).toEqual(want.messages);
      expect([r.errorCount, r.warningCount], r.filePath).toEqual([want.errorCount, want.warningCount]);
    }
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#dl-all-csv')]);
    const csvRows = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    let cliCsv = run([...files, '--format', 'csv']).stdout;
    for (const f of files) cliCsv = cliCsv.replaceAll(`${f},`, `${path.basename(f)},`);
    const cliRows = cliCsv.split('\r\n');
    expect(csvRows[0]).toBe(cliRows[0]);
    expect(csvRows.length).toBeGreaterThan(names.length);
    expect([...csvRows].sort()).toEqual([...cliRows].sort());
  }, 300_000);

  it('opens and checks reports after a reload without a network, from its service worker', async () => {
    const offline = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    offline.on('request', (r) => requests.push(r.url()));
    const p = await offline.newPage();
    p.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await p.goto(base);
      await p.waitForFunction(() => document.body.dataset.worker === 'ready' && document.body.dataset.offline === 'ready', undefined, { timeout: 60_000 });
      await offline.setOffline(true);
      const response = await p.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await p.waitForFunction(() => document.body.dataset.worker === 'ready');
      expect(await p.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      for (const file of [path.join(repoRoot, 'fixtures', 'samples', '2023-year-mismatch.txt'), path.join(repoRoot, 'fixtures', 'pdf', 'format-2021.pdf')]) {
        await checked(p, path.basename(file), () => dropFile(p, file));
        expect(sorted(await pageFindings(p)), path.basename(file)).toEqual(sorted(await cliFindings(file)));
      }
      await p.screenshot({ path: path.join(out, 'offline.png') });
    } finally {
      await offline.setOffline(false);
      await offline.close();
    }
    // without the service worker the same reload fails: the test above depends on it
    const blocked = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const q = await blocked.newPage();
      await q.goto(base);
      await blocked.setOffline(true);
      await expect(q.reload()).rejects.toThrow();
    } finally {
      await blocked.close();
    }
  }, 180_000);

  it('sent no request anywhere but the local server, and threw no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('ogi-lint web', () => {
  it('prints the address it serves the page at, on 127.0.0.1', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'ogi-lint.js'), 'web', '--port', '0', '--locale', 'en'], { cwd: repoRoot });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
      expect((await fetch(new URL(script, url))).headers.get('content-type')).toMatch(/^text\/javascript/);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('says so when the port is taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['web', '--port', String(port), '--locale', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`port ${port} is in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number, and says why', () => {
    const r = run(['web', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
  });

  it('serves only the built page, only to requests for this host', async () => {
    const { startWebServer, webRoot } = await import('../src/cli/web.js');
    const { server, url } = await startWebServer(0, webRoot());
    try {
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(await index.text()).toContain('<div class="drop"');
      expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).toBe(403);
      expect((await fetch(`${url}missing.js`)).status).toBe(404);
      expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(405);
      const port = new URL(url).port;
      const other = await new Promise<number>((resolve, reject) => {
        import('node:http').then(({ request }) => {
          const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: `attacker.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
          req.on('error', reject);
          req.end();
        }, reject);
      });
      expect(other).toBe(421);
    } finally {
      server.close();
    }
  });
});
