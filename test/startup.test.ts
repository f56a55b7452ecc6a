import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { COMPLETE, ensureBuilt, run, tempDir, writeTree, type Run } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

/*
 * What the command line loads before it does anything (the modules its joined files hold, for the
 * command line esbuild joined): `--version` and `--help` load the argument
 * parser and nothing of the linter; checking one Markdown report loads neither the readers of other
 * formats, the audit's pool and summaries, the fixer, the encoding detector, nor ajv (the schemas
 * that ship are validated by code compiled at build time), and a text report not even the Markdown
 * parser. Each run is traced by a module hook that notes every ES module imported and every module
 * required (of a package loaded with `require`, its entry).
 */

const hooks = `
import { appendFileSync } from 'node:fs';
let thread = 'main';
export function initialize(data) {
  thread = data.thread;
}
export async function load(url, context, next) {
  const r = await next(url, context);
  appendFileSync(process.env.OGI_TRACE, thread + ' ' + url + '\\n');
  return r;
}
`;
// each line of a trace: the thread (main or worker), then the module
const register = `
import { register, Module } from 'node:module';
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
const thread = isMainThread ? 'main' : 'worker';
register('./hooks.mjs', import.meta.url, { data: { thread } });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    appendFileSync(process.env.OGI_TRACE, thread + ' require:' + Module._resolveFilename(request, parent, isMain) + '\\n');
  } catch {
    // a request that does not resolve fails in the real load below
  }
  return load.apply(this, arguments);
};
`;

let dir: string;
let preload: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir();
  writeFileSync(path.join(dir, 'hooks.mjs'), hooks);
  writeFileSync(path.join(dir, 'register.mjs'), register);
  preload = pathToFileURL(path.join(dir, 'register.mjs')).href;
});

let runs = 0;

/** A new, empty trace file, and the environment that makes a node process write to it. */
function newTrace(): { trace: string; env: Record<string, string> } {
  const trace = path.join(dir, `trace-${++runs}.txt`);
  writeFileSync(trace, '');
  return { trace, env: { NODE_OPTIONS: `--import=${preload}`, OGI_TRACE: trace } };
}

/** The command line joined by esbuild: the modules each of its files holds (scripts/bundle-cli.mjs). */
const joined = path.join(repoRoot, 'dist', 'cli');
let joinedInputs: Record<string, string[]> | undefined;

/** The Markdown parser's packages joined by esbuild: the modules the script holds (scripts/bundle-markdown.mjs). */
const joinedMarkdown = path.join(repoRoot, 'dist', 'markdown.cjs');

/**
 * A module file, or the modules it holds when it is a file of the joined command line (less those
 * it runs only when first asked for) or the joined Markdown packages.
 */
function modulesIn(file: string): string[] {
  if (file === joinedMarkdown) return (JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'markdown.inputs.json'), 'utf8')) as string[]).map((i) => path.join(repoRoot, i));
  if (!file.startsWith(joined + path.sep)) return [file];
  joinedInputs ??= JSON.parse(readFileSync(path.join(joined, 'inputs.json'), 'utf8')) as Record<string, string[]>;
  const inputs = joinedInputs[path.relative(joined, file).split(path.sep).join('/')];
  expect(inputs, `${file} is in dist/cli/inputs.json`).toBeDefined();
  const firstUse = new Set(joinedInputs.firstUse);
  return inputs!.filter((i) => !firstUse.has(i)).map((i) => path.join(repoRoot, i));
}

/** The files of every module a traced process loaded (in one kind of thread only, when `thread` is given). */
function tracedModules(trace: string, thread?: 'main' | 'worker'): string[] {
  return [
    ...new Set(
      readFileSync(trace, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => /^(main|worker) (.*)$/.exec(l)!)
        .filter((m) => thread === undefined || m[1] === thread)
        .map((m) => m[2]!.replace(/^require:/, ''))
        .map((l) => (l.startsWith('file:') ? new URL(l).pathname : l))
        .flatMap(modulesIn),
    ),
  ];
}

/** Run the binary, traced: what it printed, the files of every module it loaded, and the files it read them from. */
function traced(args: string[], cwd = repoRoot): Run & { modules: string[]; mainModules: string[]; files: string } {
  const { trace, env } = newTrace();
  const r = run(args, { cwd, env });
  return { ...r, modules: tracedModules(trace), mainModules: tracedModules(trace, 'main'), files: readFileSync(trace, 'utf8') };
}

/** The npm packages among the modules (`ajv/dist/runtime/…` is ajv's runtime helpers, not ajv). */
function packages(modules: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(m);
    if (!match) continue;
    out.add(match[1] === 'ajv' && match[2]!.startsWith('dist/runtime/') ? 'ajv/dist/runtime' : match[1]!);
  }
  return out;
}

const own = (modules: string[], folder: string): string[] => modules.filter((m) => m.startsWith(path.join(repoRoot, folder) + path.sep));

/** What a run over one plain report never needs. */
const NOT_FOR_ONE_REPORT = [
  'ajv',
  'mammoth',
  'jszip',
  'pdfjs-dist',
  'rehype-parse',
  'parse5',
  'hast-util-to-mdast',
  'exceljs',
  'piscina',
  'cli-progress',
  'chart.js',
  'csv-parse',
  'csv-stringify',
  'jschardet',
  'diff',
  'vscode-languageserver',
];

describe('start-up: what a run loads', () => {
  it('--version and --help load the argument parser and nothing of the linter', () => {
    for (const args of [['--version'], ['--help'], ['--help', '--locale', 'en']]) {
      const r = traced(args);
      expect(r.code).toBe(0);
      // (the command line as esbuild joined it, once built)
      expect(r.files).toContain(pathToFileURL(path.join(joined, 'main.js')).href);
      expect(r.files).not.toContain(pathToFileURL(path.join(repoRoot, 'dist/src/cli/main.js')).href);
      expect(r.stdout.length).toBeGreaterThan(0);
      const pkgs = packages(r.modules);
      expect(pkgs.has('yargs')).toBe(true);
      for (const p of [...NOT_FOR_ONE_REPORT, 'unified', 'remark-parse', 'micromark', 'iconv-lite', 'tinyglobby', 'picomatch', 'ignore', 'ajv/dist/runtime']) {
        expect(pkgs.has(p), `${args.join(' ')} loads ${p}`).toBe(false);
      }
      expect(own(r.modules, 'dist/rules'), args.join(' ')).toEqual([]);
      for (const folder of ['model', 'read', 'parse', 'config/generated', 'output', 'audit', 'fix', 'lsp']) {
        expect(own(r.modules, `dist/src/${folder}`), `${args.join(' ')}: dist/src/${folder}`).toEqual([]);
      }
    }
  });

  it('one Markdown report: the Markdown parser and the rules, not the rest', () => {
    const r = traced(['fixtures/samples/2021-qinghe-clean.md']);
    expect(r.code, r.stderr).toBe(0);
    // (the Markdown packages joined in one script, once built)
    expect(r.files).toContain(`require:${joinedMarkdown}`);
    const pkgs = packages(r.modules);
    // the trace sees what is loaded: the parser and the rules are
    expect(pkgs.has('remark-parse') && pkgs.has('remark-gfm')).toBe(true);
    expect(own(r.modules, 'dist/rules').length).toBeGreaterThan(10);
    for (const p of NOT_FOR_ONE_REPORT) expect(pkgs.has(p), `a .md report loads ${p}`).toBe(false);
    expect(r.modules.filter((m) => m === 'node:http' || m.endsWith('/dist/src/cli/web.js'))).toEqual([]);
  });

  it("the pool's worker, checking Markdown reports for an audit, loads only what they need", () => {
    // what each worker thread of a run over a folder loads before and while it checks UTF-8
    // Markdown reports: not the manifest's CSV parser, the PDF reader's width table, the HTML
    // table's text, the glob matchers of a configuration, nor the decoder of other encodings; the
    // same for the worker's modules and for the one script the pool runs (dist/worker.cjs)
    const files = ['fixtures/samples/2021-qinghe-clean.md', 'fixtures/corpus/full/2025-shuyang-1.md'].map((f) => path.join(repoRoot, f));
    const loaders = {
      modules: `await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist/src/audit/worker.js')).href)})`,
      script: `(await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(path.join(repoRoot, 'dist/worker.cjs'))})`,
    };
    for (const [name, load] of Object.entries(loaders)) {
      const { trace, env } = newTrace();
      const script = `const w = ${load};
const progress = new Int32Array(new SharedArrayBuffer(8));
const out = await w.checkFiles({ tasks: ${JSON.stringify(files)}.map((file) => ({ file, useConfig: false, keep: 'audit' })), progress, started: Date.now() });
console.log(JSON.stringify(out.map((o) => o.messages.length)));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(r.status, r.stderr).toBe(0);
      const counts = JSON.parse(r.stdout) as number[];
      expect(counts).toHaveLength(2);
      // 2025-shuyang-1 lacks a contact: the reports were checked, not merely loaded
      expect(counts[1]).toBeGreaterThan(0);
      const modules = tracedModules(trace);
      if (name === 'script') expect(own(modules, 'dist/src'), 'the script holds the modules').toEqual([]);
      const pkgs = packages(modules);
      expect(pkgs.has('remark-parse'), [...pkgs].join(' ')).toBe(true);
      for (const p of [...NOT_FOR_ONE_REPORT, 'string-width', 'hast-util-to-text', 'picomatch', 'ignore', 'iconv-lite', 'yargs']) expect(pkgs.has(p), `the worker's ${name} load ${p}`).toBe(false);
    }
  });

  it('string-width is loaded only to measure what is not Chinese text: not for --version, nor for findings printed in columns', () => {
    const version = traced(['--version']);
    expect(version.code).toBe(0);
    const findings = traced(['fixtures/samples/2023-year-mismatch.txt']);
    expect(findings.code, findings.stderr).toBe(1);
    expect(findings.stdout).toContain('report-year');
    for (const r of [version, findings]) expect(packages(r.modules).has('string-width')).toBe(false);
    // the joined command line holds it, for yargs to lay out --help, and runs it when first asked for a width
    joinedInputs ??= JSON.parse(readFileSync(path.join(joined, 'inputs.json'), 'utf8')) as Record<string, string[]>;
    expect(joinedInputs.firstUse).toContain('node_modules/string-width/index.js');
  });

  it('one text report, as JSON: not even the Markdown parser', () => {
    const r = traced(['fixtures/samples/2023-year-mismatch.txt', '-f', 'json']);
    expect(r.code, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { messages: unknown[] }[])[0]!.messages.length).toBeGreaterThan(0);
    const pkgs = packages(r.modules);
    expect(own(r.modules, 'dist/rules').length).toBeGreaterThan(10);
    for (const p of [...NOT_FOR_ONE_REPORT, 'remark-parse', 'remark-gfm', 'micromark', 'mdast-util-from-markdown']) expect(pkgs.has(p), `a .txt report loads ${p}`).toBe(false);
  });

  it('a configuration with rule options, valid or not, is checked without ajv', () => {
    const good = tempDir();
    writeTree(good, { '.ogilintrc.json': { root: true, rules: { 'contact-info': ['warn', { checkValues: false }], 'table-cell-value': ['error', { blanks: 'all' }] } }, 'r.txt': COMPLETE });
    const ok = traced(['r.txt'], good);
    expect(ok.code, ok.stderr).not.toBe(2);
    expect(packages(ok.modules).has('ajv')).toBe(false);
    const bad = tempDir();
    writeTree(bad, { '.ogilintrc.json': { rulez: {}, rules: { 'contact-info': ['warn', { checkValues: 'yes' }] } }, 'r.txt': COMPLETE });
    const refused = traced(['r.txt'], bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('未知的设置项“rulez”，是否想写“rules”？');
    expect(refused.stderr).toContain('“rules.contact-info[1].checkValues”应为 布尔值（true 或 false）');
    expect(packages(refused.modules).has('ajv')).toBe(false);
  });

  it('the encoding detector is loaded for a file that is neither UTF-8 nor clean GB18030, and reads it', () => {
    const big5 = tempDir();
    const text = COMPLETE.replace('某某局2021年', '臺北市政府資訊處2021年').repeat(2);
    writeFileSync(path.join(big5, 'report.txt'), iconv.encode(text, 'big5'));
    const r = traced(['report.txt', '-f', 'json'], big5);
    expect(r.code, r.stderr).not.toBe(2);
    expect(packages(r.modules).has('jschardet')).toBe(true);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
    expect(result!.messages.filter((m) => m.ruleId === 'file-unreadable' || m.ruleId === 'parse-error')).toEqual([]);
  });

  it('a folder checked on the worker pool: the main thread loads neither the linter, the readers nor, without a configuration file, the configuration checks', () => {
    // the main thread lists the files, hands them to the workers and prints what they found
    const noConfig = tempDir();
    const samples = path.join(repoRoot, 'fixtures/samples');
    for (const f of readdirSync(samples)) copyFileSync(path.join(samples, f), path.join(noConfig, f));
    const plain = traced(['.', '-f', 'json'], noConfig);
    expect(plain.code, plain.stderr).toBe(1);
    const results = JSON.parse(plain.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    // checked: the clean sample has no finding, each of the others its defects
    expect(results.filter((r) => r.messages.length === 0).map((r) => path.basename(r.filePath))).toEqual(['2021-qinghe-clean.md']);
    expect(results.flatMap((r) => r.messages).some((m) => m.ruleId === 'stats-period')).toBe(true);
    expect(packages(plain.mainModules).has('piscina'), 'the run did not use the pool').toBe(true);
    for (const folder of ['dist/rules', 'dist/src/model', 'dist/src/parse', 'dist/src/config/generated']) expect(own(plain.mainModules, folder), folder).toEqual([]);
    expect(own(plain.mainModules, 'dist/src/read').map((m) => path.basename(m))).toEqual(['extensions.js']);
    for (const m of ['lint.js', 'config/load.js', 'config/settings.js', 'config/profiles.js', 'config/schema.js']) {
      expect(plain.mainModules, m).not.toContain(path.join(repoRoot, 'dist/src', m));
    }
    for (const p of ['ajv', 'ajv/dist/runtime', 'unified', 'iconv-lite']) expect(packages(plain.mainModules).has(p), p).toBe(false);
    // a configuration file in the folder: read and checked in the main thread (it says which files are ignored)
    const withConfig = tempDir();
    for (const f of readdirSync(samples)) copyFileSync(path.join(samples, f), path.join(withConfig, f));
    writeFileSync(path.join(withConfig, '.ogilintrc.json'), JSON.stringify({ root: true, ignorePatterns: ['untitled-*'], rules: { 'stats-period': 'off' } }));
    const configured = traced(['.', '-f', 'json'], withConfig);
    expect(configured.code, configured.stderr).toBe(1);
    const kept = JSON.parse(configured.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    expect(kept.map((r) => path.basename(r.filePath)).sort()).toEqual(readdirSync(samples).filter((f) => !f.startsWith('untitled-')).sort());
    expect(kept.flatMap((r) => r.messages).some((m) => m.ruleId === 'stats-period')).toBe(false);
    expect(configured.mainModules).toContain(path.join(repoRoot, 'dist/src/config/load.js'));
    // and a configuration that is wrong stops the run with what is wrong, as before
    writeFileSync(path.join(withConfig, '.ogilintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const refused = traced(['.', '-f', 'json'], withConfig);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('没有名为“no-such-rule”的规则');
  });

  it('a Word document loads the Word reader, and only then', () => {
    const docx = tempDir();
    copyFileSync(path.join(repoRoot, 'fixtures/inputs/seed-004.docx'), path.join(docx, 'report.docx'));
    const r = traced(['report.docx'], docx);
    expect(r.code, r.stderr).not.toBe(2);
    const pkgs = packages(r.modules);
    expect(pkgs.has('mammoth') || pkgs.has('jszip')).toBe(true);
    for (const p of ['pdfjs-dist', 'exceljs', 'piscina', 'cli-progress', 'chart.js', 'ajv']) expect(pkgs.has(p), `a .docx loads ${p}`).toBe(false);
  });
});
