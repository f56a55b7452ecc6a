/**
 * The web page, in headless Chromium: the built page is served by `ogi-lint web`, real reports are
 * dropped, chosen or pasted, and the findings the page lists must be the command line's for the
 * same files. Screenshots and a printed PDF are written to test-output/web/ for review.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt, run } from './helpers/cli.js';
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

/** The command line's findings for a file, as JSON. */
function cliMessages(file: string, extra: string[] = []): CliMessage[] {
  const r = run([file, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { messages: CliMessage[] }[])[0]!.messages;
}

function cliFindings(file: string, extra: string[] = []): Finding[] {
  return cliMessages(file, extra).map((m) => ({ ruleId: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', line: m.line, column: m.column }));
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

/** Drop a file on the page the way a browser does: a drop event carrying a DataTransfer with the file. */
async function dropFile(page: Page, file: string): Promise<void> {
  const b64 = readFileSync(file).toString('base64');
  await page.evaluate(
    ({ name, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const target = document.getElementById('drop')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name: path.basename(file), b64 },
  );
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
    const expected = cliFindings(file);
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
    const dirs = [path.join(repoRoot, 'fixtures', 'inputs'), path.join(repoRoot, 'fixtures', 'pdf')].filter((d) => existsSync(d));
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-web-'));
    const made = path.join(tmp, 'made.pdf');
    writeFileSync(made, minimalPdf('2021 annual report'));
    const inputs = [...dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(docx|pdf)$/i.test(f)).map((f) => path.join(d, f))), made];
    expect(inputs.some((f) => f.endsWith('.docx'))).toBe(true);
    for (const file of inputs) {
      await checked(page, path.basename(file), () => dropFile(page, file));
      expect(sorted(await pageFindings(page)), path.basename(file)).toEqual(sorted(cliFindings(file)));
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
      expect(sorted(await pageFindings(page)), path.basename(file)).toEqual(sorted(cliFindings(file)));
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
    const expected = cliFindings(file);
    expect(sorted(await pageFindings(page))).toEqual(sorted(expected));
    // each finding's text is the command line's
    const messages = await page.$$eval('.finding .msg', (els) => els.map((e) => e.textContent));
    expect(messages.sort()).toEqual(cliMessages(file).map((m) => m.message).sort());
  });

  it('outlines the table cells that do not add up, with the expected value', async () => {
    const file = path.join(repoRoot, 'fixtures', 'tables', 'recog-2021-sums.md');
    const sums = cliMessages(file).filter((m) => m.ruleId === 'table-sum') as (CliMessage & { expected: number })[];
    expect(sums.length).toBeGreaterThan(0);
    await checked(page, 'recog-2021-sums.md', () => page.setInputFiles('#file', file));
    expect(sorted(await pageFindings(page))).toEqual(sorted(cliFindings(file)));
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
    expect(sorted(await pageFindings(page))).toEqual(sorted(cliFindings(file, ['--profile', 'format-2019'])));
  });

  it('downloads the findings as the JSON and CSV the command line writes', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2021-missing-parts.txt');
    // choosing the same file again checks it again, with the profile chosen by its year
    await checked(page, '2021-missing-parts.txt', () => page.setInputFiles('#file', file));
    expect(await page.getAttribute('#fact-generation', 'data-profile')).toBe('format-2021');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const got = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { messages: unknown[] }[];
    expect(got[0]!.messages).toEqual(cliMessages(file));
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
    expect(messages.sort()).toEqual(cliMessages(file, ['--locale', 'en']).map((m) => m.message).sort());
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

  it('keeps working offline once loaded', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', '2023-year-mismatch.txt');
    await context.setOffline(true);
    try {
      await checked(page, '2023-year-mismatch.txt', () => page.setInputFiles('#file', file));
      expect(sorted(await pageFindings(page))).toEqual(sorted(cliFindings(file)));
    } finally {
      await context.setOffline(false);
    }
  });

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
