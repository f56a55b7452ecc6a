#!/usr/bin/env node
/**
 * Start-up cost of the command line: whole-process wall time and CPU time (user + system, from
 * /usr/bin/time) of short runs — `--version`, `--help`, one Markdown report, a configuration
 * error, the sample folder (five files: the worker pool) — and of the worker pool alone (two
 * workers started, one report each), median of alternating runs.
 *
 *   node bench/startup.mjs [--runs 9] [--tree name=path ...] [--json out.json]
 *
 * Each `--tree` is a checkout with a built dist/ (default: this one, named "this"); the runs of the
 * trees alternate, so that the load of a shared machine falls on each alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let runs = 9;
const trees = [];
let jsonOut;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--tree') {
    const [name, dir] = args[++i].split('=');
    trees.push({ name, dir: path.resolve(dir) });
  } else if (args[i] === '--json') jsonOut = args[++i];
}
if (trees.length === 0) trees.push({ name: 'this', dir: here });

// a folder with a configuration error (unknown key, wrong type) and one report
const bad = mkdtempSync(path.join(tmpdir(), 'ogi-startup-'));
writeFileSync(path.join(bad, '.ogilintrc.json'), '{ "rulez": {}, "rules": { "contact-info": ["warn", { "checkValues": "yes" }] } }\n');
copyFileSync(path.join(here, 'fixtures/samples/2021-qinghe-clean.md'), path.join(bad, 'report.md'));

const sample = (dir) => path.join(dir, 'fixtures/samples');
const cases = [
  { name: 'node -e "" (the floor)', argv: () => [], bare: true },
  { name: '--version', argv: () => ['--version'] },
  { name: '--help', argv: () => ['--help'] },
  { name: 'one .md report', argv: (dir) => [path.join(sample(dir), '2021-qinghe-clean.md')] },
  { name: 'one .txt report, -f json', argv: (dir) => [path.join(sample(dir), '2023-year-mismatch.txt'), '-f', 'json'] },
  { name: 'configuration error', argv: () => ['report.md'], cwd: bad },
  { name: 'sample folder (5 files, pool)', argv: (dir) => [sample(dir)] },
  // the pool alone: two workers started, each checking one small report (profiles and vocabularies loaded in each)
  { name: 'worker pool: 2 workers, 1 report each', script: (dir) => poolScript(dir) },
];

function poolScript(dir) {
  const pool = pathToFileURL(path.join(dir, 'dist/src/audit/pool.js')).href;
  const file = JSON.stringify(path.join(sample(dir), '2023-year-mismatch.txt'));
  return `const { FilePool, DEFAULT_BUDGET } = await import(${JSON.stringify(pool)});
const pool = new FilePool(2, DEFAULT_BUDGET, 'zh');
await pool.warm();
await Promise.all([pool.check({ file: ${file}, locale: 'zh' }), pool.check({ file: ${file}, locale: 'zh' })]);
await pool.close();`;
}

function once(tree, c) {
  const command = c.bare ? ['-e', ''] : c.script ? ['--input-type=module', '-e', c.script(tree.dir)] : [path.join(tree.dir, 'bin/ogi-lint.js'), ...c.argv(tree.dir)];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...command], {
    cwd: c.cwd ?? tree.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const last = r.stderr.trim().split('\n').at(-1);
  const [wall, user, sys] = last.split(' ').map(Number);
  if (![wall, user, sys].every(Number.isFinite)) throw new Error(`cannot read /usr/bin/time's output: ${last}`);
  return { wall, cpu: user + sys };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const load0 = loadavg();
const samples = new Map();
for (let round = 0; round < runs; round++) {
  for (const c of cases) {
    // alternate the order of the trees from one round to the next
    const order = round % 2 ? [...trees].reverse() : trees;
    for (const t of order) {
      const key = `${c.name}\u0000${t.name}`;
      if (!samples.has(key)) samples.set(key, []);
      samples.get(key).push(once(t, c));
    }
  }
}
const load1 = loadavg();
rmSync(bad, { recursive: true, force: true });

const rows = [];
for (const c of cases) {
  for (const t of trees) {
    const s = samples.get(`${c.name}\u0000${t.name}`);
    rows.push({ case: c.name, tree: t.name, wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), runs: s.length });
  }
}
const f = (x) => x.toFixed(2);
const lines = [
  `node ${process.version}, ${runs} alternating runs per case and tree, medians; load average ${load0.map(f).join(' ')} before, ${load1.map(f).join(' ')} after`,
  '',
  `| case | ${trees.map((t) => `${t.name} wall s | ${t.name} CPU s`).join(' | ')} |`,
  `| --- | ${trees.map(() => '---: | ---:').join(' | ')} |`,
  ...cases.map((c) => `| ${c.name} | ${trees.map((t) => rows.find((r) => r.case === c.name && r.tree === t.name)).map((r) => `${f(r.wall)} | ${f(r.cpu)}`).join(' | ')} |`),
];
console.log(lines.join('\n'));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ node: process.version, runs, loadavg: { before: load0, after: load1 }, rows }, null, 2)}\n`);
