#!/usr/bin/env node
/**
 * CPU time per file of whole processes, for a machine shared with others: wall time there says
 * more about the neighbours than about the tool, CPU time (user + system, from /usr/bin/time)
 * much less. Compared in the same run, alternating: ogi-lint's plain run and audit (-j 1 and
 * -j N), remark-cli + remark-preset-lint-recommended, a bare remark-parse + remark-gfm parse,
 * and optionally another build of ogi-lint (--baseline DIR: a folder with its bin/, dist/,
 * package.json). Reports are generated as bench/audit-bench.mjs does (same seed, same files).
 *
 *   npm run build && node bench/cpu-bench.mjs [--files 300] [--runs 3] [--jobs 2] [--baseline DIR] [--skip audit] [--layout gfm] [--out bench/results/cpu-300]
 *
 * `--layout gfm`: the reports as Markdown with `#` headings, blank lines and GFM tables
 * (bench/generate.mjs asGfm) instead of pipe rows on lines of their own.
 *
 * `--plain-jobs 1,2` adds plain runs with that many worker threads (`-j`), beside the plain run that
 * chooses its own (one thread for every 1,000 files, at most one per core).
 *
 * `--skip WORDS` (comma-separated) leaves out the ogi-lint runs whose name holds one of the words
 * (`--skip audit`: the plain run only); remark-cli, the parse floor and node's start-up always run.
 *
 * Prints a Markdown table; with --out writes DIR.md and DIR.json (with the load average). With
 * `--runs 0` it only generates the reports (and prints their folder), for runs of one's own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { opt, root } from './options.mjs';
import { generatedReports, writeParseFloorScript } from './generate.mjs';

const files = Number(opt('files', '300'));
const runs = Number(opt('runs', '3'));
const jobs = Number(opt('jobs', String(os.availableParallelism?.() ?? os.cpus().length)));
const baseline = opt('baseline', '');
const out = opt('out', '');
const skip = opt('skip', '').split(',').filter(Boolean);
const plainJobs = opt('plain-jobs', '').split(',').filter(Boolean).map(Number);

const { exampleReport, table2Text, table3Text } = await import(path.join(root, 'dist/src/audit/example-reports.js'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ogi-cpu-bench-'));
// the same files as bench/audit-bench.mjs (same seed), generated once into its cache
const cacheRoot = path.resolve(opt('cache', path.join(os.tmpdir(), 'ogi-lint-bench')));
const generated = generatedReports({ files, seed: 12345, cacheRoot, exampleReport, table2Text, table3Text, layout: opt('layout', 'pipe') });
const bytes = generated.bytes;
// the reports only: audit-bench.mjs writes its outputs (summary.html among them) next to them
const dir = path.join(generated.dir, 'reports');
const floorScript = writeParseFloorScript(path.join(tmp, 'parse-floor.mjs'), root);

const ogi = (where, name) => ({
  [`${name} (plain, one process)`]: () => [process.execPath, path.join(where, 'bin/ogi-lint.js'), dir, '-f', 'json', '-o', path.join(tmp, 'plain.json')],
  ...Object.fromEntries(
    plainJobs.map((j) => [`${name} (plain, -j ${j})`, () => [process.execPath, path.join(where, 'bin/ogi-lint.js'), dir, '-f', 'json', '-o', path.join(tmp, 'plain.json'), '-j', String(j)]]),
  ),
  [`${name} audit -j 1`]: () => [process.execPath, path.join(where, 'bin/ogi-lint.js'), 'audit', dir, '--out-dir', path.join(tmp, 'out1'), '--restart', '-j', '1'],
  [`${name} audit -j ${jobs}`]: () => [process.execPath, path.join(where, 'bin/ogi-lint.js'), 'audit', dir, '--out-dir', path.join(tmp, 'outN'), '--restart', '-j', String(jobs)],
});
const tools = {
  ...ogi(root, 'ogi-lint'),
  ...(baseline ? ogi(path.resolve(baseline), 'baseline') : {}),
  'remark-cli + preset-lint-recommended': () => [process.execPath, path.join(root, 'node_modules/.bin/remark'), '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout', '--silent', '--no-config', '--no-ignore', dir],
  'remark-parse + remark-gfm (parse floor)': () => [process.execPath, floorScript, dir],
  'node (start-up only)': () => [process.execPath, '-e', ''],
};

function measure(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`cannot time ${cmd.join(' ')}: ${r.stderr.slice(-500)}`);
  return { wall: +m[1], cpu: +m[2] + +m[3], rssMb: +m[4] / 1024, code: r.status };
}

for (const name of Object.keys(tools)) {
  if ((name.startsWith('ogi-lint') || name.startsWith('baseline')) && skip.some((w) => name.includes(w))) delete tools[name];
}
const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
const loads = [];
for (let i = 0; i < runs; i++) {
  const order = Object.keys(tools);
  if (i % 2) order.reverse();
  for (const name of order) {
    loads.push(os.loadavg()[0]);
    const s = measure(tools[name]());
    samples[name].push(s);
    process.stderr.write(`run ${i + 1}/${runs} ${name}: CPU ${s.cpu.toFixed(2)} s, wall ${s.wall.toFixed(2)} s, ${s.rssMb.toFixed(0)} MB, exit ${s.code}\n`);
  }
}
rmSync(tmp, { recursive: true, force: true });
if (runs === 0) {
  // --runs 0: the reports are generated (for a run of one's own), nothing is measured
  process.stderr.write(`reports in ${dir}\n`);
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const startup = median(samples['node (start-up only)'].map((s) => s.cpu));
const rows = Object.entries(samples).map(([name, ss]) => {
  const cpu = median(ss.map((s) => s.cpu));
  return { name, cpu, wall: median(ss.map((s) => s.wall)), cpuMsPerFile: (1000 * cpu) / files, filesPerCpuSecond: files / cpu, peakRssMb: Math.max(...ss.map((s) => s.rssMb)) };
});
const by = Object.fromEntries(rows.map((r) => [r.name, r]));
const remark = by['remark-cli + preset-lint-recommended'];
const floor = by['remark-parse + remark-gfm (parse floor)'];
const ratios = {};
for (const r of rows) {
  if (!r.name.startsWith('ogi-lint') && !r.name.startsWith('baseline')) continue;
  ratios[`${r.name} / remark-cli (CPU)`] = +(r.cpu / remark.cpu).toFixed(2);
  ratios[`${r.name} / parse floor (CPU)`] = +(r.cpu / floor.cpu).toFixed(2);
  // the cost of each file once start-up is set aside: the per-file figure the targets are about
  ratios[`${r.name} / parse floor (CPU less node start-up)`] = +((r.cpu - startup) / (floor.cpu - startup)).toFixed(2);
}
const load = { min: +Math.min(...loads).toFixed(1), max: +Math.max(...loads).toFixed(1), median: +median(loads).toFixed(1) };
const layout = opt('layout', 'pipe');
const result = { files, layout, mb: +(bytes / 1024 / 1024).toFixed(2), runs, jobs, cores: os.cpus().length, load, node: process.version, date: new Date().toISOString(), rows, ratios };

const md = [
  `${files} generated reports (${layout === 'gfm' ? 'Markdown with GFM tables' : 'tables as pipe rows'}), ${result.mb} MB, ${result.cores} cores, load average ${load.min}–${load.max} (median ${load.median}) during the runs; median of ${runs} alternating runs; CPU = user + system time of the whole process (all threads)`,
  '',
  '| tool | CPU s | CPU ms/file | files per CPU-second | wall s | peak RSS MB |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.cpu.toFixed(2)} | ${r.cpuMsPerFile.toFixed(1)} | ${r.filesPerCpuSecond.toFixed(1)} | ${r.wall.toFixed(2)} | ${r.peakRssMb.toFixed(0)} |`),
  '',
  ...Object.entries(ratios).map(([k, v]) => `- ${k}: ${v}`),
  '',
].join('\n');
console.log(md);
if (out) {
  writeFileSync(`${out}.md`, md);
  writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
}
