#!/usr/bin/env node
// Runs the extension in a real VS Code: code-server (VS Code served to a browser, with the Node
// extension host) driven by Chromium through playwright-core. Packages the extension into a .vsix,
// installs it, opens a workspace of real reports and checks that the Problems panel lists exactly the
// findings of the command line, that hovers, quick fixes, the settings, the configuration file and the
// restart command work. Exits 1 when a check fails, 2 when something it needs is missing.
//
//   node editors/vscode/test/code-server.mjs [--code-server PATH] [--chromium PATH] [--vsix FILE]
//                                            [--out DIR] [--port N] [--keep]
//
// Needs: the repository built (`npm run build`), code-server 4.99.4 (on the PATH or given with
// --code-server / $CODE_SERVER; how to install it here: editors/vscode/README.md), Chromium
// (/usr/bin/chromium or --chromium / $CHROMIUM), and the extension's dependencies (`npm ci` in
// editors/vscode) unless --vsix is given.
/* global fetch, document, navigator */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const extensionDir = resolve(here, '..');
const repo = resolve(here, '../../..');
const require = createRequire(join(repo, 'package.json'));

const { values: opts } = parseArgs({
  options: {
    'code-server': { type: 'string', default: process.env.CODE_SERVER ?? 'code-server' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    vsix: { type: 'string' },
    out: { type: 'string', default: join(repo, 'test-output', 'vscode') },
    port: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write('usage: node editors/vscode/test/code-server.mjs [--code-server PATH] [--chromium PATH] [--vsix FILE] [--out DIR] [--port N] [--keep]\n');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// reporting

let failures = 0;
const started = Date.now();
function log(text) {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${text}\n`);
}
function check(ok, what, detail) {
  if (ok) log(`ok    ${what}`);
  else {
    failures++;
    log(`FAIL  ${what}${detail ? `\n        ${String(detail).split('\n').join('\n        ')}` : ''}`);
  }
  return ok;
}
/** The temporary folder of this run (workspace, user data, extensions), once made. */
let work;
function fatal(text, code = 2) {
  process.stderr.write(`code-server check: ${text}\n`);
  if (work && !opts.keep) rmSync(work, { recursive: true, force: true });
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// what is needed

if (!existsSync(join(repo, 'dist', 'src', 'lsp', 'server.js'))) fatal('the repository is not built: run `npm run build` first');
work = mkdtempSync(join(tmpdir(), 'ogi-lint-vscode-'));
// code-server writes a config file and logs under the XDG folders: keep them in the work folder
const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data') };
const codeServerVersion = spawnSync(opts['code-server'], ['--version'], { encoding: 'utf8', env });
if (codeServerVersion.status !== 0) {
  fatal(`cannot run code-server (${opts['code-server']}): ${codeServerVersion.error?.message ?? codeServerVersion.stderr}\ninstall code-server 4.99.4 (see editors/vscode/README.md) and pass --code-server PATH`);
}
if (!existsSync(opts.chromium)) fatal(`no Chromium at ${opts.chromium} (apt-get install chromium, or --chromium PATH)`);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch {
  fatal('playwright-core is missing: run `npm ci` in the repository');
}

const userData = join(work, 'user-data');
const extensions = join(work, 'extensions');
const workspace = join(work, 'reports');
mkdirSync(opts.out, { recursive: true });
for (const f of readdirSync(opts.out)) if (f.endsWith('.png')) rmSync(join(opts.out, f));
log(`code-server ${codeServerVersion.stdout.trim().split('\n').pop()}, work folder ${work}, screenshots in ${opts.out}`);

// ---------------------------------------------------------------------------------------------
// the package

let vsix = opts.vsix && resolve(opts.vsix);
if (!vsix) {
  if (!existsSync(join(extensionDir, 'node_modules', 'vscode-languageclient'))) {
    log('npm ci in editors/vscode');
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: extensionDir, encoding: 'utf8' });
    if (ci.status !== 0) fatal(`npm ci in editors/vscode failed:\n${ci.stderr}`);
  }
  vsix = join(work, 'ogi-lint-vscode.vsix');
  const pack = spawnSync('npx', ['--yes', '@vscode/vsce@3.9.2', 'package', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', vsix], { cwd: extensionDir, encoding: 'utf8' });
  if (!check(pack.status === 0 && existsSync(vsix), 'the extension packs into a .vsix with vsce', pack.stderr + pack.stdout)) fatal('no package to test', 1);
}

// ---------------------------------------------------------------------------------------------
// the workspace: real reports, a configuration, the server path

const REPORT = '2025-shuyang-1.md'; // a Markdown report with tables, one error and one warning
const MISSING = '2021-missing-parts.txt'; // plain text missing whole parts
const GARBLED = 'untitled-garbled-period.txt'; // dates without 年/月, each with a suggested fix
const NAMED = '某县2021年度报告.txt'; // a name the extension's own language (ogi-report) claims
mkdirSync(join(workspace, '.vscode'), { recursive: true });
cpSync(join(repo, 'fixtures/corpus/full', REPORT), join(workspace, REPORT));
cpSync(join(repo, 'fixtures/samples', MISSING), join(workspace, MISSING));
cpSync(join(repo, 'fixtures/samples', GARBLED), join(workspace, GARBLED));
cpSync(join(repo, 'fixtures/samples', MISSING), join(workspace, NAMED));
const SETTINGS = join(workspace, '.vscode', 'settings.json');
const CONFIG = join(workspace, '.ogilintrc.json');
writeFileSync(CONFIG, `${JSON.stringify({ root: true }, null, 2)}\n`);
// where the extension finds the server: the command line of this checkout (started with --lsp)
const workspaceSettings = { 'ogi-lint.server.path': join(repo, 'bin', 'ogi-lint.js') };
writeFileSync(SETTINGS, `${JSON.stringify(workspaceSettings, null, 2)}\n`);
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.ignoreRecommendations': true,
      'extensions.autoCheckUpdates': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'editor.minimap.enabled': false,
      'editor.hover.delay': 200,
      'chat.commandCenter.enabled': false,
      'window.commandCenter': false,
    },
    null,
    2,
  ),
);

/** The error lines of the extension's log (what Output → ogi-lint shows). */
function extensionErrors() {
  const files = readdirSync(join(userData, 'logs'), { recursive: true }).filter((f) => String(f).endsWith(join('ogi-lint.ogi-lint-vscode', 'ogi-lint.log')));
  return files.flatMap((f) => readFileSync(join(userData, 'logs', String(f)), 'utf8').split('\n').filter((l) => l.includes('[error]')));
}

/** Process ids of the language servers the extension started from this checkout. */
function serverPids() {
  const cli = join(repo, 'bin', 'ogi-lint.js');
  const pids = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(cli) && args.includes('--lsp') && args.some((a) => a.startsWith('--clientProcessId'))) pids.push(Number(pid));
  }
  return pids;
}

/** The findings of the command line for a file of the workspace, as the Problems panel would list them. */
function cliFindings(name, ...args) {
  const run = spawnSync(process.execPath, [join(repo, 'bin', 'ogi-lint.js'), name, '-f', 'json', ...args], { cwd: workspace, encoding: 'utf8' });
  const results = JSON.parse(run.stdout);
  return results[0].messages.map((m) => ({ rule: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', line: m.line, column: m.column, message: m.message }));
}

// ---------------------------------------------------------------------------------------------
// code-server

function freePort() {
  return new Promise((ok, no) => {
    const s = createServer();
    s.on('error', no);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const codeServerArgs = ['--config', join(work, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
const install = spawnSync(opts['code-server'], [...codeServerArgs, '--install-extension', vsix], { encoding: 'utf8', env });
check(install.status === 0 && /successfully installed/i.test(install.stdout), 'code-server --install-extension installs the .vsix', install.stdout + install.stderr);
const installed = readdirSync(extensions).filter((d) => d.startsWith('ogi-lint.ogi-lint-vscode'));
if (!check(installed.length === 1, `the extension is in the extensions folder (${installed.join(', ')})`)) fatal('the extension is not installed', 1);

const port = Number(opts.port ?? (await freePort()));
const serverLogFile = join(work, 'code-server.log');
const serverLog = openSync(serverLogFile, 'w');
const server = spawn(
  opts['code-server'],
  [...codeServerArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
  { stdio: ['ignore', serverLog, serverLog], detached: true, env },
);
let browser;
async function cleanUp() {
  await browser?.close().catch(() => undefined);
  if (server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
  if (up) break;
  if (i > 120 || server.exitCode !== null) {
    await cleanUp();
    fatal(`code-server did not start:\n${readFileSync(serverLogFile, 'utf8')}`);
  }
  await new Promise((r) => setTimeout(r, 250));
}
log(`code-server on ${base}`);

// ---------------------------------------------------------------------------------------------
// the browser

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mod = 'Control';
let page;
let shot = 0;
async function screenshot(name) {
  const file = join(opts.out, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.mouse.move(700, 14); // the title bar: no hover left on a list row
  await sleep(400); // fades finished
  await page.screenshot({ path: file });
  return file;
}

/** Wait until `probe` returns a truthy value (polled), or give up after `ms` and return the last value. */
async function until(probe, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last;
    await sleep(250);
  }
  return last;
}

/** Open a quick input with `keys`, type `text`, wait for an entry holding `pick` to be selected (if given), then Enter. */
async function quickInput(keys, text, pick) {
  await page.keyboard.press(keys);
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input.input').waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  if (pick) await widget.locator('.monaco-list-row.focused', { hasText: pick }).first().waitFor({ timeout: 15000 });
  else await sleep(300);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 5000 });
}

/** Run a command by its title in the palette. */
async function command(title) {
  await quickInput('F1', title, title);
}

async function openFile(name) {
  await quickInput(`${mod}+P`, name, name);
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: 15000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

async function goTo(line, column) {
  await quickInput(`${mod}+G`, `${line}:${column}`);
  await sleep(200);
}

/** The entries of the Problems panel: rule id, severity, line, column, message. */
async function problems() {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
    return rows
      .map((row) => {
        const icon = row.querySelector('.marker-icon');
        if (!icon) return undefined;
        const severity = /error/.test(icon.className) ? 'error' : /warning/.test(icon.className) ? 'warning' : 'info';
        const message = row.querySelector('.marker-message-details')?.previousElementSibling?.textContent ?? row.querySelector('.marker-message')?.textContent ?? '';
        const code = row.querySelector('.marker-code')?.textContent ?? '';
        const source = row.querySelector('.marker-source')?.textContent ?? '';
        const at = /(\d+),\D+(\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        return { rule: code.replace(/^\(|\)$/g, ''), source, severity, line: at ? Number(at[1]) : 0, column: at ? Number(at[2]) : 0, message: message.trim() };
      })
      .filter(Boolean);
  });
}

const key = (f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
function sameFindings(actual, expected) {
  const a = actual.map(key).sort();
  const e = expected.map(key).sort();
  return a.length === e.length && a.every((x, i) => x === e[i]);
}
function describe(list) {
  return list.map(key).sort().join('\n') || '(none)';
}

/** Wait until the Problems panel lists exactly `expected`. */
async function expectProblems(expected, what) {
  const got = await until(async () => {
    const p = await problems();
    return sameFindings(p, expected) ? p : undefined;
  });
  const now = got ?? (await problems());
  return check(Boolean(got), what, `expected:\n${describe(expected)}\nin the Problems panel:\n${describe(now)}`);
}

async function hoverText() {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10000 }).catch(() => undefined);
  return (await hover.textContent().catch(() => '')) ?? '';
}

/** In the open light-bulb menu, move to the action holding `text` and apply it with Enter. */
async function chooseAction(text) {
  for (let i = 0; i < 12; i++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').first().textContent().catch(() => '')) ?? '';
    if (focused.includes(text)) {
      await page.keyboard.press('Enter');
      return true;
    }
    await page.keyboard.press('ArrowDown');
    await sleep(100);
  }
  return false;
}

async function showHover() {
  await page.keyboard.press(`${mod}+K`);
  await page.keyboard.press(`${mod}+I`);
  return hoverText();
}

try {
  browser = await chromium.launch({ executablePath: opts.chromium, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view').waitFor({ timeout: 60000 });
  log('the workbench is up');

  // ---- a Markdown report: the Problems panel lists the command line's findings, with their rule ids
  const reportFindings = cliFindings(REPORT);
  check(reportFindings.length > 0, `the command line finds something in ${REPORT} (${reportFindings.length})`);
  await openFile(REPORT);
  await page.keyboard.press(`${mod}+Shift+M`);
  await page.locator('.markers-panel').waitFor();
  await expectProblems(reportFindings, `${REPORT}: the Problems panel lists the command line's ${reportFindings.length} findings (${reportFindings.map((f) => f.rule).join(', ')})`);
  const listed = await problems();
  check(listed.length > 0 && listed.every((p) => /ogi-lint/.test(p.source)), 'each entry is marked as coming from ogi-lint', JSON.stringify(listed));
  await screenshot('report-problems');

  // ---- the rule id is a link to the rule's page
  const first = reportFindings[0];
  const docTab = page.locator(`.tabs-container .tab.active[aria-label*="${first.rule}.md"]`);
  const link = page.locator('.markers-panel .marker-code', { hasText: first.rule }).first();
  const opened = await until(async () => {
    await link.hover();
    await link.click();
    return docTab.waitFor({ timeout: 3000 }).then(() => true, () => false);
  });
  const docText = opened ? ((await page.locator('.editor-instance .view-lines').filter({ visible: true }).first().textContent()) ?? '') : '';
  const tabs = await page.locator('.tabs-container .tab').evaluateAll((ts) => ts.map((t) => t.getAttribute('aria-label')));
  check(opened && docText.includes(first.rule), `the rule id ${first.rule} in the Problems panel opens the rule's page`, `${tabs.join(' | ')}\n${docText.slice(0, 200)}`);
  if (opened) await page.keyboard.press(`${mod}+W`);
  await openFile(REPORT);

  // ---- hover on a finding: its message and rule id
  const error = reportFindings.find((f) => f.severity === 'error') ?? reportFindings[0];
  await goTo(error.line, error.column + 1);
  const findingHover = await showHover();
  check(findingHover.includes(error.message) && findingHover.includes(error.rule), `the hover on the ${error.rule} finding shows its message and rule id`, findingHover);
  await screenshot('hover-finding');
  await page.keyboard.press('Escape');

  // ---- hover on a total cell of table 3 (where the command line reads it): the parts and their sum
  const tables = JSON.parse(spawnSync(process.execPath, [join(repo, 'bin', 'ogi-lint.js'), 'extract', REPORT], { cwd: workspace, encoding: 'utf8' }).stdout)[0].tables;
  const applications = tables.find((t) => t.kind === 'applications');
  const total = applications?.cells?.new?.total;
  if (check(Boolean(total), `ogi-lint extract finds the total of new applications in table 3 of ${REPORT}`)) {
    await goTo(total.range.line, total.range.column);
    const totalHover = await showHover();
    check(
      totalHover.includes('总计') && totalHover.includes(`${total.value} = ${total.value}`) && totalHover.includes('成立'),
      `the hover on that total (${total.value}, line ${total.range.line}) shows how it adds up`,
      totalHover,
    );
    await screenshot('hover-total');
    await page.keyboard.press('Escape');
  }

  // ---- the configuration: turning a rule off in .ogilintrc.json takes its findings away at once
  const before = cliFindings(REPORT);
  const off = before.find((f) => f.severity === 'warning') ?? before[0];
  if (check(Boolean(off), 'a finding is left to turn off')) {
    writeFileSync(CONFIG, `${JSON.stringify({ root: true, rules: { [off.rule]: 'off' } }, null, 2)}\n`);
    const after = cliFindings(REPORT);
    check(!after.some((f) => f.rule === off.rule), `the command line no longer reports ${off.rule}`);
    await expectProblems(after, `with "${off.rule}": "off" written to .ogilintrc.json, its finding goes from the Problems panel`);
    await screenshot('rule-off');
    // a configuration that cannot be read: one finding, and the server goes on
    writeFileSync(CONFIG, '{ "root": true, "rules": { ');
    const broken = await until(async () => {
      const p = await problems();
      return p.length === 1 && p[0].severity === 'error' && /ogilintrc/.test(p[0].message) ? p : undefined;
    });
    check(Boolean(broken), 'a broken .ogilintrc.json is one error in the report', JSON.stringify(await problems()));
    await screenshot('config-broken');
    writeFileSync(CONFIG, `${JSON.stringify({ root: true }, null, 2)}\n`);
    await expectProblems(cliFindings(REPORT), 'mended, the findings are back and the server still answers');
  }
  // ---- quick fix on a finding in Markdown: the inline comment that turns the rule off for the line
  await goTo(error.line, error.column + 1);
  await page.keyboard.press(`${mod}+.`);
  const actions = page.locator('.action-widget .monaco-list-row.action');
  await actions.first().waitFor({ timeout: 10000 }).catch(() => undefined);
  const titles = await actions.allTextContents();
  const disableLine = `在此行停用规则 ${error.rule}`;
  if (check(titles.some((t) => t.includes(disableLine)) && titles.some((t) => t.includes(`在整个文件停用规则 ${error.rule}`)), `the quick fixes offered on it include "${disableLine}"`, titles.join('\n'))) {
    await screenshot('quick-fix-menu');
    check(await chooseAction(disableLine), `"${disableLine}" can be chosen`);
    const rest = reportFindings.filter((f) => f !== error).map((f) => ({ ...f, line: f.line + (f.line >= error.line ? 1 : 0) }));
    await expectProblems(rest, `applying it takes the ${error.rule} finding away (the others move down a line)`);
    await sleep(500);
    await page.keyboard.press(`${mod}+S`);
    await until(() => readFileSync(join(workspace, REPORT), 'utf8').startsWith('<!--'), 5000);
    const saved = readFileSync(join(workspace, REPORT), 'utf8').split('\n');
    check(saved[error.line - 1] === `<!-- ogi-lint-disable-next-line ${error.rule} -->`, 'the comment is written above the line', saved.slice(0, 2).join('\n'));
    await expectProblems(cliFindings(REPORT), 'saved, the command line gives the same findings as the Problems panel');
  }

  await command('View: Close All Editors');
  await expectProblems([], 'closing the report clears its findings');

  // ---- a plain-text report missing whole parts
  const missing = cliFindings(MISSING);
  await openFile(MISSING);
  await expectProblems(missing, `${MISSING}: the Problems panel lists the command line's ${missing.length} findings (${[...new Set(missing.map((f) => f.rule))].join(', ')})`);
  await screenshot('missing-parts');
  await command('View: Close All Editors');

  // ---- a rule's suggested fix, applied from the light bulb
  const garbled = cliFindings(GARBLED);
  await openFile(GARBLED);
  await expectProblems(garbled, `${GARBLED}: the Problems panel lists the command line's ${garbled.length} findings`);
  const suggested = JSON.parse(spawnSync(process.execPath, [join(repo, 'bin', 'ogi-lint.js'), GARBLED, '-f', 'json'], { cwd: workspace, encoding: 'utf8' }).stdout)[0].messages.find((m) => m.suggestions?.length);
  if (check(Boolean(suggested), `the command line suggests a fix in ${GARBLED}`)) {
    const desc = suggested.suggestions[0].desc;
    await goTo(suggested.line, suggested.column + 1);
    const dateHover = await showHover();
    check(dateHover.includes(suggested.expected) && dateHover.includes(suggested.actual), `the hover on the ${suggested.ruleId} finding shows the expected and actual values`, dateHover);
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+.`);
    await actions.first().waitFor({ timeout: 10000 }).catch(() => undefined);
    const offered = await actions.allTextContents();
    if (check(offered.some((t) => t.includes(desc)), `the quick fix "${desc}" is offered`, offered.join('\n'))) {
      await screenshot('suggestion');
      check(await chooseAction(desc), `"${desc}" can be chosen`);
      await sleep(500);
      await page.keyboard.press(`${mod}+S`);
      const written = await until(() => readFileSync(join(workspace, GARBLED), 'utf8').includes(suggested.expected));
      check(written, `applied, the file reads "${suggested.expected}"`);
      const fixed = cliFindings(GARBLED);
      check(fixed.length < garbled.length, `the command line finds one finding fewer (${garbled.length} → ${fixed.length})`);
      await expectProblems(fixed, 'and the Problems panel agrees');
    }
  }
  await command('View: Close All Editors');

  // ---- the extension's settings reach the server: "ogi-lint.locale": "en" gives the English messages
  await openFile(MISSING);
  await expectProblems(missing, `${MISSING} opened again`);
  writeFileSync(SETTINGS, `${JSON.stringify({ ...workspaceSettings, 'ogi-lint.locale': 'en' }, null, 2)}\n`);
  const english = cliFindings(MISSING, '--locale', 'en');
  check(english.every((f, i) => f.message !== missing[i]?.message), 'the command line words its findings in English with --locale en');
  await expectProblems(english, 'with "ogi-lint.locale": "en" in the workspace settings, the Problems panel shows the findings of `--locale en`');
  await screenshot('locale-en');
  writeFileSync(SETTINGS, `${JSON.stringify(workspaceSettings, null, 2)}\n`);
  await expectProblems(missing, 'without it, the Chinese messages are back');
  await command('View: Close All Editors');

  // ---- a report pasted into a new, unsaved editor is checked as plain text
  const pasted = readFileSync(join(repo, 'fixtures/corpus/full', REPORT), 'utf8');
  const stdin = spawnSync(process.execPath, [join(repo, 'bin', 'ogi-lint.js'), '-', '--stdin-filename', 'Untitled-1.txt', '-f', 'json'], { cwd: workspace, input: pasted, encoding: 'utf8' });
  const pastedFindings = JSON.parse(stdin.stdout)[0].messages.map((m) => ({ rule: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', line: m.line, column: m.column, message: m.message }));
  await page.keyboard.press(`${mod}+N`);
  await page.locator('.tabs-container .tab.active[aria-label*="Untitled"]').waitFor({ timeout: 10000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await page.keyboard.press(`${mod}+V`);
  await expectProblems(pastedFindings, `a report pasted into an untitled editor: the findings of \`ogi-lint - --stdin-filename Untitled-1.txt\` (${pastedFindings.length})`);
  await screenshot('pasted');
  await command('View: Revert and Close Editor');
  await expectProblems([], 'closed unsaved, its findings go');

  // ---- the extension's language for reports named *年度报告*.txt
  await openFile(NAMED);
  const language = (await page.locator('#status\\.editor\\.mode').textContent().catch(() => '')) ?? '';
  check(language.includes('政府信息公开年报'), `${NAMED} opens as the extension's language "政府信息公开年报"`, language);
  await expectProblems(cliFindings(NAMED), `${NAMED}: the Problems panel lists the command line's findings`);
  await command('View: Close All Editors');

  // ---- the restart command: the server comes back with the same findings
  await openFile(GARBLED);
  const current = cliFindings(GARBLED);
  await expectProblems(current, `${GARBLED} opened again`);
  const servers = serverPids();
  check(servers.length === 1, `one language server runs, started as \`ogi-lint.js --lsp\` (pid ${servers.join(', ')})`);
  await command('ogi-lint: 重启语言服务器 (Restart the language server)');
  const after = await until(() => {
    const now = serverPids();
    return now.length === 1 && !servers.includes(now[0]) ? now : undefined;
  });
  check(Boolean(after), `"ogi-lint: 重启语言服务器" starts a new server (pid ${servers.join(', ')} → ${(after ?? serverPids()).join(', ')})`);
  await expectProblems(current, 'and the findings are there again');

  const logged = extensionErrors();
  check(logged.length === 0, 'the extension has logged no error so far (Output → ogi-lint)', logged.join('\n'));

  // ---- a server path that does not exist is reported; mended, the server starts without a reload
  const nowhere = join(work, 'nowhere', 'ogi-lint.js');
  writeFileSync(SETTINGS, `${JSON.stringify({ ...workspaceSettings, 'ogi-lint.server.path': nowhere }, null, 2)}\n`);
  // toasts come and go: read the notification centre
  await sleep(3000);
  await command('Notifications: Show Notifications');
  const notices = () => page.locator('.notifications-center .notification-list-item-message').allTextContents();
  const warned = await until(async () => (await notices()).find((t) => t.includes(nowhere)));
  check(Boolean(warned), 'a wrong "ogi-lint.server.path" is reported in a notification', (await notices()).join('\n'));
  const failed = await until(async () => (await notices()).find((t) => t.includes('did not start')));
  check(Boolean(failed), 'and so is the server that could not be started', (await notices()).join('\n'));
  await screenshot('server-path-wrong');
  await command('Notifications: Clear All Notifications');
  await expectProblems([], 'no findings are left from the stopped server');
  writeFileSync(SETTINGS, `${JSON.stringify(workspaceSettings, null, 2)}\n`);
  await expectProblems(current, 'with the path mended, the server starts again and the findings are back');
  await command('View: Close All Editors');

  // ---- .ogilintrc.json is validated against the configuration's schema
  writeFileSync(CONFIG, `${JSON.stringify({ root: true, locale: 'fr' }, null, 2)}\n`);
  await openFile('.ogilintrc.json');
  const schemaProblem = await until(async () => (await problems()).find((p) => p.line === 3 && /zh/.test(p.message) && /en/.test(p.message)));
  check(Boolean(schemaProblem), 'a locale other than zh/en in .ogilintrc.json is marked from the schema', JSON.stringify(await problems()));
  await screenshot('config-schema');
  writeFileSync(CONFIG, `${JSON.stringify({ root: true }, null, 2)}\n`);
  await command('View: Close All Editors');
} catch (e) {
  check(false, 'the session in the browser went through', e.stack ?? e);
  await screenshot('error').catch(() => undefined);
} finally {
  log(failures ? `${failures} check(s) failed` : 'all checks passed');
  if (opts.keep) log(`kept ${work}; code-server still on ${base} (pid ${server.pid})`);
  else await cleanUp();
}
process.exit(failures ? 1 : 0);
