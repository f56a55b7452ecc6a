import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, HoverRequest, StreamMessageReader, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { spawn } from 'node:child_process';
import { ensureBuilt, memoryIO, onlyRules, runMain, tempDir } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { TestClient } from './helpers/lsp-client.js';
import type { LintMessage } from '../src/diagnostic.js';

/** The reports the server is checked on: every legacy seed and every sample. */
const REPORTS = [
  ...readdirSync(path.join(corpusDir, 'seeds')).map((f) => path.join(corpusDir, 'seeds', f)),
  ...readdirSync(path.join(repoRoot, 'fixtures/samples')).map((f) => path.join(repoRoot, 'fixtures/samples', f)),
].filter((f) => /\.(txt|md)$/.test(f));

const QINGHE = path.join(repoRoot, 'fixtures/samples/2021-qinghe-clean.md');
const SEED_004 = REPORTS.find((f) => path.basename(f).startsWith('004_'))!;

interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
  range: [number, number, number, number];
}

/** The CLI's findings for a file, in the server's terms (0-based ranges, LSP severities). */
async function cliFindings(file: string, cwd: string): Promise<Finding[]> {
  const io = memoryIO(cwd);
  const code = await main([file, '--format', 'json'], io);
  expect(code === 0 || code === 1, io.err).toBe(true);
  const [result] = JSON.parse(io.out) as { messages: LintMessage[] }[];
  return result!.messages.map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity === 2 ? 1 : 2,
    message: m.message,
    range: [m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1],
  }));
}

function serverFindings(ds: Diagnostic[]): Finding[] {
  return ds.map((d) => ({
    ruleId: (d.code as string | undefined) ?? null,
    severity: d.severity!,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  }));
}

function applyAction(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  expect(edits, `action "${action.title}" edits the document`).toBeTruthy();
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits!);
}

const uriOf = (file: string): string => pathToFileURL(file).href;

beforeAll(() => ensureBuilt());

describe('language server over stdio (ogi-lint --lsp)', () => {
  let ws: string;
  let client: TestClient;

  beforeAll(async () => {
    ws = tempDir();
    writeFileSync(path.join(ws, '.ogilintrc.json'), JSON.stringify({ root: true }));
    for (const f of REPORTS) copyFileSync(f, path.join(ws, path.basename(f)));
    // a short pause after edits (200 ms by default): the tests wait for the diagnostics of each edit
    client = await TestClient.start(['bin/ogi-lint.js', '--lsp'], ws, { debounce: 40 });
  });
  afterAll(async () => client?.stop());

  it('answers initialize with its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toBeTruthy();
    expect(client.initializeResult.serverInfo?.name).toBe('ogi-lint');
  });

  it.each(REPORTS.map((f) => [path.basename(f)]))('gives the CLI findings for %s on open', async (name) => {
    const file = path.join(ws, name);
    const text = readFileSync(file, 'utf8');
    const published = await client.open(uriOf(file), text);
    expect(serverFindings(published.diagnostics)).toEqual(await cliFindings(name, ws));
  });

  it('links every rule finding to the rule documentation', async () => {
    const { diagnostics } = await client.open(uriOf(path.join(ws, 'links.txt')), readFileSync(SEED_004, 'utf8'));
    expect(diagnostics.length).toBeGreaterThan(3);
    for (const d of diagnostics) {
      expect(d.source).toBe('ogi-lint');
      const href = d.codeDescription?.href;
      expect(href, `${d.code}`).toMatch(new RegExp(`${d.code}\\.md$`));
      const doc = readFileSync(fileURLToPath(href!), 'utf8');
      expect(doc.startsWith(`# ${d.code}`)).toBe(true);
    }
  });

  it('updates the diagnostics on change, as the CLI sees the changed text', async () => {
    const name = path.basename(REPORTS.find((f) => f.endsWith('2023-year-mismatch.txt'))!);
    const file = path.join(ws, name);
    const original = readFileSync(file, 'utf8');
    // the title's year made right (the period, the text and the publication date give 2024): its finding goes, the others stay
    const edited = original.replace(/人民政府2023年政府信息公开/, '人民政府2024年政府信息公开');
    expect(edited).not.toBe(original);
    const changedFile = path.join(ws, `changed-${name}`);
    writeFileSync(changedFile, edited);
    const before = serverFindings((await client.open(uriOf(path.join(ws, `edited-${name}`)), original)).diagnostics);
    const after = serverFindings((await client.change(uriOf(path.join(ws, `edited-${name}`)), edited)).diagnostics);
    expect(after).toEqual(await cliFindings(path.basename(changedFile), ws));
    expect(before.some((f) => f.ruleId === 'report-year')).toBe(true);
    expect(after.some((f) => f.ruleId === 'report-year')).toBe(false);
  });

  it('checks only the last of a burst of edits', async () => {
    const uri = uriOf(path.join(ws, 'burst.txt'));
    const text = readFileSync(SEED_004, 'utf8');
    await client.open(uri, text);
    const first = client.version(uri) + 1;
    let last = 0;
    for (let i = 0; i < 6; i++) last = await client.changeNoWait(uri, `${text}\n补充说明第${i}条。`);
    await client.diagnostics(uri, (p) => p.version === last);
    const versions = client.published.filter((p) => p.uri === uri && (p.version ?? 0) >= first).map((p) => p.version);
    // the edits came faster than the pause: the final version is checked, not each one
    expect(versions[versions.length - 1]).toBe(last);
    expect(versions.length).toBeLessThan(6);
  });

  // typing, as an editor sends it: small ranged changes, some of which reshape the blocks
  it.each([
    ['prose typed into', (t: string) => t.indexOf('486条') + 3, '我局还通过政务新媒体公开信息12条。'],
    ['a blank line put inside table 3', (t: string) => t.indexOf('| 二、上年结转'), '\n'],
    ['a code fence opened', (t: string) => t.indexOf('## 四、'), '```\n'],
    ['a heading added', (t: string) => t.indexOf('## 五、'), '## 补充说明\n\n本局2021年共收到申请30件。\n\n'],
  ])('after %s character by character, the CLI findings for the final text', async (what, where, typed) => {
    const original = readFileSync(QINGHE, 'utf8');
    const uri = uriOf(path.join(ws, `typed-${what.replace(/\W+/g, '-')}.md`));
    await client.open(uri, original);
    let doc = TextDocument.create(uri, 'markdown', 1, original);
    const at = where(original);
    expect(at).toBeGreaterThan(0);
    let last = 0;
    for (let k = 0; k < typed.length; k++) {
      const pos = doc.positionAt(at + k);
      last = await client.edit(uri, { start: pos, end: pos }, typed[k]!);
      doc = TextDocument.update(doc, [{ range: { start: pos, end: pos }, text: typed[k]! }], last);
    }
    const final = await client.diagnostics(uri, (p) => p.version === last);
    const file = path.join(ws, `typed-${what.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, doc.getText());
    expect(serverFindings(final.diagnostics)).toEqual(await cliFindings(path.basename(file), ws));
    await client.close(uri);
  });

  it('offers the fix of a document number, and applying it removes the finding', async () => {
    const uri = uriOf(path.join(ws, 'doc-number-fix.txt'));
    let text = readFileSync(SEED_004, 'utf8');
    let { diagnostics } = await client.open(uri, text);
    const count = diagnostics.filter((d) => d.code === 'doc-number').length;
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      // the first one left, as the server now sees the text
      const d = diagnostics.find((x) => x.code === 'doc-number')!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred);
      expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeTruthy();
      expect(fix!.kind).toBe('quickfix');
      text = applyAction(text, uri, fix!);
      diagnostics = (await client.change(uri, text)).diagnostics;
      expect(diagnostics.some((x) => x.code === 'doc-number' && x.range.start.line === d.range.start.line && x.message === d.message)).toBe(false);
      expect(diagnostics.filter((x) => x.code === 'doc-number')).toHaveLength(count - i - 1);
    }
    expect((await client.change(uri, text)).diagnostics.filter((d) => d.code === 'doc-number')).toEqual([]);
  });

  it('fixes every fixable finding at once with the fix-all source action', async () => {
    const uri = uriOf(path.join(ws, 'fix-all.txt'));
    const text = readFileSync(SEED_004, 'utf8');
    const { diagnostics } = await client.open(uri, text);
    const fixable = diagnostics.filter((d) => d.code === 'doc-number');
    expect(fixable.length).toBeGreaterThan(1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.ogi-lint']);
    const fixed = applyAction(text, uri, actions[0]!);
    const after = await client.change(uri, fixed);
    expect(after.diagnostics.filter((d) => d.code === 'doc-number')).toEqual([]);
    // nothing else changed: the other findings are the same
    expect(after.diagnostics.filter((d) => d.code !== 'doc-number').map((d) => d.message)).toEqual(diagnostics.filter((d) => d.code !== 'doc-number').map((d) => d.message));
    await client.close(uri);
  });

  // a total cell of table 3 made wrong, in several rows: the quick fix writes the computed sum back
  it.each([
    ['一、本年新收政府信息公开申请数量', '24', '27'],
    ['（一）予以公开', '11', '15'],
    ['4.保护第三方合法权益', '1', '0'],
    ['（七）总计', '24', '31'],
  ])('offers "replace with the computed value" for a wrong total in row %s', async (row, right, wrong) => {
    const original = readFileSync(QINGHE, 'utf8');
    const line = original.split('\n').find((l) => l.includes(`| ${row} |`))!;
    expect(line.endsWith(`| ${right} |`)).toBe(true);
    const broken = original.replace(line, line.replace(new RegExp(`\\| ${right} \\|$`), `| ${wrong} |`));
    const uri = uriOf(path.join(ws, `qinghe-${right}-${wrong}.md`));
    const { diagnostics } = await client.open(uri, broken);
    const sum = diagnostics.find((d) => d.code === 'table-sum' && d.range.start.line === original.split('\n').indexOf(line));
    expect(sum, JSON.stringify(serverFindings(diagnostics))).toBeTruthy();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sum!.range, context: { diagnostics: [sum!], only: ['quickfix'] } })) as CodeAction[];
    const replace = actions.find((a) => a.title.includes(right) && a.title.includes('计算'));
    expect(replace, JSON.stringify(actions.map((a) => a.title))).toBeTruthy();
    const fixed = applyAction(broken, uri, replace!);
    expect(fixed).toBe(original);
    const after = await client.change(uri, fixed);
    expect(after.diagnostics.filter((d) => d.code === 'table-sum')).toEqual([]);
    await client.close(uri);
  });

  it('writes the inline comments that turn a rule off for a line, a table or the file', async () => {
    const original = readFileSync(QINGHE, 'utf8');
    // two findings in prose (a wrong phone number, a garbled date) and one in a table
    const broken = original.replace('0701-5623108', '0701-562').replace(/\| 行政许可 \| 356 \|/, '| 行政许可 | 约356 |');
    const uri = uriOf(path.join(ws, 'qinghe-disable.md'));
    const { diagnostics } = await client.open(uri, broken);
    const rules = [...new Set(diagnostics.map((d) => d.code))];
    expect(rules).toEqual(expect.arrayContaining(['contact-info', 'table-cell-value']));
    for (const d of diagnostics.filter((x) => x.code === 'contact-info' || x.code === 'table-cell-value')) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      for (const title of [d.code === 'table-cell-value' ? '在此表格停用规则' : '在此行停用规则', '在整个文件停用规则']) {
        const action = actions.find((a) => a.title.startsWith(title));
        expect(action, `${title} for ${d.code}: ${JSON.stringify(actions.map((a) => a.title))}`).toBeTruthy();
        const text = applyAction(broken, uri, action!);
        expect(text).toContain(`ogi-lint-disable${title.includes('此行') ? '-next-line' : ''} ${d.code} -->`);
        const after = await client.change(uri, text);
        // the finding is gone, and every other finding stays (the same messages, the same rules)
        expect(after.diagnostics.filter((x) => x.code === d.code)).toHaveLength(diagnostics.filter((x) => x.code === d.code).length - (title.includes('整个') ? diagnostics.filter((x) => x.code === d.code).length : 1));
        expect(after.diagnostics.filter((x) => x.code !== d.code).map((x) => x.message)).toEqual(diagnostics.filter((x) => x.code !== d.code).map((x) => x.message));
        await client.change(uri, broken);
      }
    }
    await client.close(uri);
  });

  it('shows on hover how a total cell and a prose total were checked', async () => {
    const text = readFileSync(QINGHE, 'utf8');
    const uri = uriOf(path.join(ws, 'qinghe-hover.md'));
    await client.open(uri, text);
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.includes('| （七）总计 |'));
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: row, character: lines[row]!.lastIndexOf('24') } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    // the total and every part it adds up, with their sum
    expect(value).toContain('（七）总计');
    expect(value).toMatch(/24 = 24/);
    expect(value).toContain('予以公开');
    const prose = lines.findIndex((l) => l.includes('主动公开政府信息486条'));
    const h2 = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: prose, character: lines[prose]!.indexOf('486') } })) as Hover;
    const v2 = (h2.contents as { value: string }).value;
    expect(v2).toContain('23 + ');
    expect(v2).toContain('= 486');
    await client.close(uri);
  });
});

describe('configuration in the language server', () => {
  let ws: string;
  let client: TestClient;
  const report = (): string => path.join(ws, 'reports', path.basename(SEED_004));

  beforeAll(async () => {
    ws = tempDir();
    writeFileSync(path.join(ws, '.ogilintrc.json'), JSON.stringify({ root: true }));
    const sub = path.join(ws, 'reports');
    await import('node:fs').then((fs) => fs.mkdirSync(sub));
    copyFileSync(SEED_004, report());
    client = await TestClient.start(['bin/ogi-lint-language-server.js'], ws, { debounce: 40 });
  });
  afterAll(async () => client?.stop());

  it('reads the nearest .ogilintrc.json, and again when it changes', async () => {
    const uri = uriOf(report());
    const text = readFileSync(report(), 'utf8');
    const first = await client.open(uri, text);
    expect(first.diagnostics.some((d) => d.code === 'doc-number')).toBe(true);
    const rc = path.join(ws, 'reports', '.ogilintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'doc-number': 'off', 'contact-info': 'warn' } }));
    const next = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'doc-number'));
    await client.filesChanged([rc], 1);
    const after = await next;
    expect(serverFindings(after.diagnostics)).toEqual(await cliFindings(path.relative(ws, report()), ws));
    expect(after.diagnostics.find((d) => d.code === 'contact-info')?.severity).toBe(2);
  });

  it('notices a changed configuration file even when the editor does not report it', async () => {
    const uri = uriOf(report());
    const rc = path.join(ws, 'reports', '.ogilintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'doc-number': 'error', 'malformed-date': 'off' } }));
    const after = await client.change(uri, readFileSync(report(), 'utf8'));
    expect(after.diagnostics.some((d) => d.code === 'doc-number')).toBe(true);
    expect(after.diagnostics.some((d) => d.code === 'malformed-date')).toBe(false);
    expect(serverFindings(after.diagnostics)).toEqual(await cliFindings(path.relative(ws, report()), ws));
  });

  it.each([
    ['not JSON', '{ "rules": { "doc-number": "off", } '],
    ['an unknown rule', JSON.stringify({ rules: { 'no-such-rule': 'error' } })],
    ['a bad severity', JSON.stringify({ rules: { 'doc-number': 'loud' } })],
    ['an unknown profile', JSON.stringify({ profile: 'format-1999' })],
  ])('reports a configuration with %s as one diagnostic and keeps answering', async (_what, content) => {
    const uri = uriOf(report());
    const text = readFileSync(report(), 'utf8');
    const rc = path.join(ws, 'reports', '.ogilintrc.json');
    writeFileSync(rc, content);
    const broken = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config-error'));
    await client.filesChanged([rc]);
    const { diagnostics } = await broken;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe(1);
    expect(diagnostics[0]!.message).toContain('.ogilintrc.json');
    // the command line refuses the same file (its main, in this process)
    expect((await runMain([path.relative(ws, report())], { cwd: ws })).code).toBe(2);
    // still serving: an edit is checked, a hover is answered, then a fixed file is read again
    expect((await client.change(uri, `${text}\n`)).diagnostics).toHaveLength(1);
    await expect(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })).resolves.toBeNull();
    writeFileSync(rc, JSON.stringify({ rules: onlyRules({ 'doc-number': 'error' }) }));
    const fixed = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'config-error'));
    await client.filesChanged([rc]);
    const ok = await fixed;
    expect(ok.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(ok.diagnostics.map((d) => d.code))).toEqual(new Set(['doc-number']));
    expect(client.exitCode).toBeUndefined();
  });

  it('serves a client that declares no capabilities, with settings given at start', async () => {
    const c = await TestClient.start(['bin/ogi-lint-language-server.js'], ws, { locale: 'en', debounce: 50 }, true);
    try {
      const uri = uriOf(report());
      const text = readFileSync(report(), 'utf8');
      const { diagnostics } = await c.open(uri, text);
      expect(diagnostics.length).toBeGreaterThan(0);
      // English messages, as the CLI gives them with --locale en
      const io = memoryIO(ws);
      await main([path.relative(ws, report()), '--format', 'json', '--locale', 'en'], io);
      const cli = (JSON.parse(io.out) as { messages: LintMessage[] }[])[0]!.messages.map((m) => m.message);
      expect(diagnostics.map((d) => d.message)).toEqual(cli);
      expect(cli.some((m) => /[a-z]{4}/.test(m))).toBe(true);
    } finally {
      await c.stop();
    }
  });

  it('keeps the settings given at start when the client answers the settings request with nothing', async () => {
    const c = await TestClient.start(['bin/ogi-lint.js', '--lsp'], ws, { locale: 'en' }, false, null);
    try {
      const uri = uriOf(report());
      const first = await c.open(uri, readFileSync(report(), 'utf8'));
      expect(first.diagnostics.length).toBeGreaterThan(0);
      // after the settings request has been answered, the messages are still in English
      const again = await c.change(uri, `${readFileSync(report(), 'utf8')}\n`);
      expect(again.diagnostics.map((d) => d.message)).toEqual(first.diagnostics.map((d) => d.message));
      expect(again.diagnostics.every((d) => !/[\u4e00-\u9fff]{6}/.test(typeof d.message === 'string' ? d.message.replace(/“[^”]*”|「[^」]*」|"[^"]*"/g, '') : ''))).toBe(true);
    } finally {
      await c.stop();
    }
  });

  it('answers a message that is not JSON with a parse error, and goes on reading', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/ogi-lint.js'), '--lsp'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const got: { id?: unknown; error?: { code: number }; result?: unknown }[] = [];
      const reader = new StreamMessageReader(child.stdout!);
      const two = new Promise<void>((resolve) => {
        reader.listen((m) => {
          got.push(m as (typeof got)[number]);
          if (got.length === 2) resolve();
        });
      });
      const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      child.stdin!.write(frame('{"jsonrpc": "2.0", "id": 1, "method": "initialize", '));
      child.stdin!.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
      await two;
      expect(got[0]).toMatchObject({ id: null, error: { code: -32700 } });
      expect(got[1]).toMatchObject({ id: 2, result: { capabilities: expect.any(Object) } });
    } finally {
      child.kill();
    }
  });

  it('shuts down and exits cleanly when asked, after all of the above', async () => {
    await client.stop();
    expect(client.exitCode).toBe(0);
    expect(existsSync(report())).toBe(true);
  });
});
