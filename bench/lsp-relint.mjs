#!/usr/bin/env node
// Re-lint of a 30 KB Markdown report in the language server's path, in process, after warm-up:
// each round types one character into the prose and checks the document again, as the server
// does after an edit. Prints p50/p95/max in milliseconds. Run `npm run build` first.
//
//   node bench/lsp-relint.mjs [--rounds 200] [--warmup 30] [--size 30720] [--json] [--root DIR]
// (--root: the build to measure, a folder holding package.json and dist/; default this one)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootAt = process.argv.indexOf('--root');
const build = rootAt > 0 ? path.resolve(process.argv[rootAt + 1]) : root;
const { lintTextDocument, DEFAULT_SETTINGS, useIncrementalParsing } = await import(pathToFileURL(path.join(build, 'dist/src/lsp/lint.js')).href);
const { WorkspaceConfigs } = await import(pathToFileURL(path.join(build, 'dist/src/lsp/config.js')).href);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rounds = arg('rounds', 200);
const warmup = arg('warmup', 30);
const size = arg('size', 30 * 1024);

/**
 * A real recent report (Markdown converted from the published PDF, tables included), its prose
 * paragraphs repeated inside section 一 until the text reaches the size asked for.
 */
function report() {
  const base = readFileSync(path.join(root, process.argv.includes('--qinghe') ? 'fixtures/samples/2021-qinghe-clean.md' : 'fixtures/corpus/full/2025-shuyang-1.md'), 'utf8');
  const lines = base.split('\n');
  const second = lines.findIndex((l) => /^##\s*二、/.test(l));
  const prose = lines.slice(0, second).filter((l) => l.length > 60 && !l.startsWith('#') && !l.includes('|'));
  const extra = [];
  let text = base;
  for (let i = 0; Buffer.byteLength(text) < size; i++) {
    extra.push(prose[i % prose.length], '');
    text = [...lines.slice(0, second), ...extra, ...lines.slice(second)].join('\n');
  }
  return text;
}

const text = report();
// as the server does (--full: parse the whole text on every round, as before)
if (!process.argv.includes('--full')) useIncrementalParsing();
const workspace = path.join(root, 'bench');
const configs = new WorkspaceConfigs(() => undefined);
configs.setFolders([workspace]);
const ctx = { configs, settings: { ...DEFAULT_SETTINGS, docsUrl: 'https://example.invalid/rules/{rule}' } };
let doc = TextDocument.create(pathToFileURL(path.join(workspace, 'report-30k.md')).href, 'markdown', 1, text);

// the places typed into: the middle of prose lines, in turn
const targets = [];
text.split('\n').forEach((l, i) => {
  if (l.length > 60 && !l.includes('|') && !l.startsWith('#')) targets.push({ line: i, character: Math.floor(l.length / 2) });
});

const times = [];
const cpu = [];
let findings = 0;
for (let r = 0; r < warmup + rounds; r++) {
  const at = targets[r % targets.length];
  doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: r % 2 ? '，' : '的' }], doc.version + 1);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const lint = lintTextDocument(doc, ctx);
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  findings = lint.diagnostics.length;
  if (r >= warmup) {
    times.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const pct = (p, xs = times) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const load = (await import('node:os')).loadavg()[0];
const result = {
  bytes: Buffer.byteLength(doc.getText()),
  rounds,
  warmup,
  findings,
  p50: +pct(50).toFixed(1),
  p95: +pct(95).toFixed(1),
  max: +times[times.length - 1].toFixed(1),
  // CPU time of this process (includes the garbage collector's threads): what the machine's load does not inflate as much
  cpuP50: +pct(50, cpu).toFixed(1),
  cpuP95: +pct(95, cpu).toFixed(1),
  load: +load.toFixed(1),
  node: process.version,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else console.log(`re-lint of a ${(result.bytes / 1024).toFixed(1)} KB Markdown report (${result.findings} findings), ${rounds} rounds after ${warmup} warm-up: p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms; CPU time p50 ${result.cpuP50} ms, p95 ${result.cpuP95} ms (Node ${process.version}, load average ${result.load})`);
