#!/usr/bin/env node
/**
 * Throughput and memory of `ogi-lint audit`, compared in the same run with remark-cli +
 * remark-preset-lint-recommended and with a bare remark-parse + remark-gfm parse of the same
 * files, and with ogi-lint's plain single-process run.
 *
 *   npm run build && node bench/audit-bench.mjs --files 1000 --runs 3 [--jobs 2] [--skip plain,remark] [--layout gfm] [--out bench/results/1000-2]
 *   node bench/audit-bench.mjs --files 10000 --runs 1 --skip serial,plain,remark,floor
 *   node bench/audit-bench.mjs --files 10000 --post-only     # the stage after the files: all results reused
 *
 * Reports are generated (format-2021, tables as pipe text, independent prose) and written once as
 * .md files into a cache folder keyed by the number of files and the seed (`--cache DIR`, default
 * the system's temporary folder), reused by later runs. Each tool runs as its own process, timed by
 * /usr/bin/time (wall seconds and peak resident memory, worker threads included); runs alternate
 * between the tools and the median is reported, with the sizes of the audit's outputs and the load
 * average before and after. `--post-only` runs the audit again over its own earlier results, so
 * that only what comes after the files is measured: the checks across reports and the summaries.
 * Results are printed as a Markdown table and written to bench/results/<files>.json and .md
 * (<files>-post.* for --post-only), or to `--out DIR/NAME` (.json and .md added).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { opt, root } from './options.mjs';

const files = Number(opt('files', '1000'));
const runs = Number(opt('runs', '3'));
const jobs = Number(opt('jobs', String(os.availableParallelism?.() ?? os.cpus().length)));
const skip = new Set(String(opt('skip', '')).split(',').filter(Boolean));
const seedArg = Number(opt('seed', '12345'));
const cacheRoot = path.resolve(opt('cache', path.join(os.tmpdir(), 'ogi-lint-bench')));
const postOnly = process.argv.includes('--post-only');
const loadBefore = os.loadavg();

const { exampleReport, table2Text, table3Text } = await import(path.join(root, 'dist/src/audit/example-reports.js'));

const { generatedReports, writeParseFloorScript } = await import('./generate.mjs');
const { dir, bytes } = generatedReports({ files, seed: seedArg, cacheRoot, exampleReport, table2Text, table3Text, layout: opt('layout', 'pipe') });
const reports = path.join(dir, 'reports');

mkdirSync(cacheRoot, { recursive: true });
const floorScript = writeParseFloorScript(path.join(cacheRoot, 'parse-floor.mjs'), root);

const bin = path.join(root, 'bin/ogi-lint.js');
const remark = path.join(root, 'node_modules/.bin/remark');
const out1 = path.join(dir, 'out-j1');
const outN = path.join(dir, `out-j${jobs}`);
const tools = postOnly
  ? { [`ogi-lint audit -j ${jobs}, all results reused (checks across reports and summaries only)`]: () => [process.execPath, bin, 'audit', reports, '--out-dir', outN, '-j', String(jobs)] }
  : {
      'ogi-lint audit -j 1': () => [process.execPath, bin, 'audit', reports, '--out-dir', out1, '--restart', '-j', '1'],
      [`ogi-lint audit -j ${jobs}`]: () => [process.execPath, bin, 'audit', reports, '--out-dir', outN, '--restart', '-j', String(jobs)],
      'ogi-lint <folder> (plain run)': () => [process.execPath, bin, reports, '-f', 'json', '-o', path.join(dir, 'plain.json')],
      'remark-cli + preset-lint-recommended': () => [process.execPath, remark, '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout', '--silent', '--no-config', '--no-ignore', reports],
      'remark-parse + remark-gfm (parse floor)': () => [process.execPath, floorScript, reports],
    };
const skipNames = { serial: 'ogi-lint audit -j 1', plain: 'ogi-lint <folder> (plain run)', remark: 'remark-cli + preset-lint-recommended', floor: 'remark-parse + remark-gfm (parse floor)', parallel: `ogi-lint audit -j ${jobs}` };
if (!postOnly) for (const s of skip) delete tools[skipNames[s]];
if (postOnly && !existsSync(path.join(outN, 'results.ndjson'))) {
  console.error(`no earlier results in ${outN}: run without --post-only first`);
  process.exit(2);
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function measure(cmd) {
  const t0 = process.hrtime.bigint();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', '%e %M', ...cmd], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd[0], cmd.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = /([\d.]+) (\d+)$/.exec(last);
  return { wall, rssMb: m ? Number(m[2]) / 1024 : NaN, code: r.status };
}

const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  const order = Object.keys(tools);
  if (i % 2) order.reverse();
  for (const name of order) {
    const s = measure(tools[name]());
    samples[name].push(s);
    process.stderr.write(`run ${i + 1}/${runs} ${name}: ${s.wall.toFixed(2)} s, ${s.rssMb.toFixed(0)} MB, exit ${s.code}\n`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = bytes / 1024 / 1024;
const rows = Object.entries(samples).map(([name, ss]) => {
  const wall = median(ss.map((s) => s.wall));
  return { name, wall, filesPerSec: files / wall, mbPerSec: mb / wall, peakRssMb: Math.max(...ss.map((s) => s.rssMb)) };
});
const by = Object.fromEntries(rows.map((r) => [r.name, r]));
const ratio = (a, b) => (by[a] && by[b] ? by[a].wall / by[b].wall : null);
const ratios = {
  'audit -j 1 / remark-cli (wall)': ratio('ogi-lint audit -j 1', 'remark-cli + preset-lint-recommended'),
  [`audit -j ${jobs} / remark-cli (wall)`]: ratio(`ogi-lint audit -j ${jobs}`, 'remark-cli + preset-lint-recommended'),
  'audit -j 1 / parse floor (wall)': ratio('ogi-lint audit -j 1', 'remark-parse + remark-gfm (parse floor)'),
  'plain / parse floor (wall)': ratio('ogi-lint <folder> (plain run)', 'remark-parse + remark-gfm (parse floor)'),
  [`audit -j 1 / audit -j ${jobs} (speed-up)`]: ratio('ogi-lint audit -j 1', `ogi-lint audit -j ${jobs}`),
};
const sizes = {};
for (const [label, d] of [['-j 1', out1], [`-j ${jobs}`, outN]]) {
  for (const f of ['results.ndjson', 'audit.json', 'summary.html', 'summary.xlsx', 'summary.csv']) {
    const p = path.join(d, f);
    if (existsSync(p)) sizes[`${label} ${f}`] = statSync(p).size;
  }
}
const loadAfter = os.loadavg();
const table = [
  `${files} files, ${mb.toFixed(1)} MB, ${os.cpus().length} cores, load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before and ${loadAfter.map((x) => x.toFixed(1)).join(' ')} after, median of ${runs} alternating runs${postOnly ? ', every file’s result reused from the earlier run' : ''}`,
  '',
  '| tool | wall s | files/s | MB/s | peak RSS MB | peak RSS KB per file |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.wall.toFixed(2)} | ${r.filesPerSec.toFixed(1)} | ${r.mbPerSec.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${((r.peakRssMb * 1024) / files).toFixed(2)} |`),
  '',
  ...Object.entries(ratios).filter(([, v]) => v !== null).map(([k, v]) => `- ${k}: ${v.toFixed(2)}`),
  '',
  'Outputs (bytes):',
  '',
  ...Object.entries(sizes).map(([k, v]) => `- ${k}: ${v} (${(v / 1048576).toFixed(1)} MB)`),
].join('\n');
console.log(table);
// --out bench/results/NAME (without extension) keeps an earlier result of the same size
const outArg = opt('out', '');
const outBase = outArg ? path.resolve(outArg) : path.join(root, 'bench', 'results', postOnly ? `${files}-post` : String(files));
mkdirSync(path.dirname(outBase), { recursive: true });
writeFileSync(`${outBase}.json`, JSON.stringify({ files, bytes, runs, jobs, cores: os.cpus().length, load: { before: loadBefore, after: loadAfter }, rows, ratios, sizes, samples }, null, 2));
writeFileSync(`${outBase}.md`, `${table}\n`);
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
