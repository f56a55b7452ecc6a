#!/usr/bin/env node
/**
 * Steady-state CPU cost per file, in process: ogi-lint's read + parse + model + rules against a
 * bare remark-parse + remark-gfm parse of the same generated reports, after warm-up, in
 * alternating rounds. Start-up and the worker pool are left out (see audit-bench.mjs for whole
 * processes). Prints per-file CPU milliseconds and the ratio; writes JSON with --json.
 *
 *   npm run build && node bench/per-file.mjs [--files 100] [--rounds 5] [--json] [--only ogi,floor,baseline]
 *     [--stages]         also time ogi-lint's stages cumulatively (read; read + parse; read + parse +
 *                        model) and remark-cli's own work per file (remark-parse + remark-lint with
 *                        preset-lint-recommended, as the remark-cli of cpu-bench.mjs runs it)
 *     [--separate N]     each tool in a process of its own, N runs of them alternating: tools that
 *                        share code (ogi-lint and the bare parse both run micromark) slow each other
 *                        down in one process, as each leaves the shared functions compiled for its
 *                        own use; prints the medians over the runs and the median of the runs' ratios
 *     [--layout gfm]     the same reports as Markdown written by hand or by a converter (`#` headings,
 *                        blank lines, GFM tables with a delimiter row) instead of pipe rows on lines of
 *                        their own (bench/generate.mjs asGfm)
 *     [--baseline DIR]   also time another build (DIR holds its package.json and dist/), in the
 *                        same rounds: the honest way to measure a change on a loaded machine
 */
import { cpus, loadavg } from 'node:os';
import { TextDecoder, TextEncoder } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { opt, root } from './options.mjs';
import { asGfm, reportTexts } from './generate.mjs';

const files = Number(opt('files', '100'));
const rounds = Number(opt('rounds', '5'));
const only = opt('only', '');
const baseline = opt('baseline', '');
const imp = (p) => import(pathToFileURL(path.join(root, p)).href);
const separate = Number(opt('separate', '0'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (separate > 0) {
  // each tool in a child process of its own (this script with --only), the tools alternating run by run
  const names = (only || 'ogi,floor').split(',');
  const perRun = [];
  for (let r = 0; r < separate; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    const got = {};
    for (const name of order) {
      const args = [fileURLToPath(import.meta.url), '--files', String(files), '--rounds', String(rounds), '--only', name, '--json', '--layout', opt('layout', 'pipe')];
      if (baseline) args.push('--baseline', baseline);
      const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr.slice(-500)}`);
      got[name] = JSON.parse(child.stdout.trim().split('\n').pop()).cpuMsPerFile[name];
    }
    perRun.push(got);
    console.error(`run ${r + 1}/${separate}: ${names.map((n) => `${n} ${got[n]}`).join(', ')}`);
  }
  const result = {
    files,
    rounds,
    runs: separate,
    cores: cpus().length,
    load: +loadavg()[0].toFixed(1),
    node: process.version,
    cpuMsPerFile: Object.fromEntries(names.map((n) => [n, median(perRun.map((g) => g[n]))])),
    runsCpuMsPerFile: perRun,
  };
  const [a, b] = names;
  if (b) result.ratio = +median(perRun.map((g) => g[a] / g[b])).toFixed(2);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else
    console.log(
      `${files} files, ${separate} runs of a process per tool (median of ${rounds} rounds each), CPU ms per file: ` +
        names.map((n) => `${n} ${result.cpuMsPerFile[n]}`).join(', ') +
        (b ? `; ${a} / ${b}: median of the runs' ratios ${result.ratio}` : '') +
        ` (load average ${result.load})`,
    );
  process.exit(0);
}

const { exampleReport, table2Text, table3Text } = await imp('dist/src/audit/example-reports.js');
const { lintDocument } = await imp('dist/src/lint.js');
const { readBuffer } = await imp('dist/src/read/index.js');
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remarkGfm = (await import('remark-gfm')).default;

// the same seeded reports as audit-bench.mjs
const layout = opt('layout', 'pipe');
const texts = [...reportTexts({ files, seed: 12345, exampleReport, table2Text, table3Text })].map((t) => new TextEncoder().encode(layout === 'gfm' ? asGfm(t) : t));
const bytes = texts.reduce((n, t) => n + t.length, 0);

const floor = unified().use(remarkParse).use(remarkGfm);
const decoder = new TextDecoder();
const stages = process.argv.includes('--stages');
const tools = {
  ogi: (buf, i) => lintDocument(readBuffer(buf, `r${i}.md`)).messages.length,
  ...(stages ? await (async () => {
    const { parse } = await imp('dist/src/parse/index.js');
    const { modelDocument } = await imp('dist/src/lint.js');
    const preset = (await import('remark-preset-lint-recommended')).default;
    const { VFile } = await import('vfile');
    const remarkLint = unified().use(remarkParse).use(preset).freeze();
    return {
      'ogi read': (buf, i) => readBuffer(buf, `r${i}.md`).text.length,
      'ogi read+parse': (buf, i) => parse(readBuffer(buf, `r${i}.md`)).children.length,
      'ogi read+parse+model': (buf, i) => modelDocument(readBuffer(buf, `r${i}.md`)).report.blocks.length,
      'remark-cli work': (buf, i) => {
        const file = new VFile({ path: `r${i}.md`, value: decoder.decode(buf) });
        remarkLint.runSync(remarkLint.parse(file), file);
        return file.messages.length;
      },
    };
  })() : {}),
  ...(baseline ? await (async () => {
    const b = path.resolve(baseline);
    const lint = (await import(pathToFileURL(path.join(b, 'dist/src/lint.js')).href)).lintDocument;
    const read = (await import(pathToFileURL(path.join(b, 'dist/src/read/index.js')).href)).readBuffer;
    return { baseline: (buf, i) => lint(read(buf, `r${i}.md`)).messages.length };
  })() : {}),
  floor: (buf) => floor.parse(decoder.decode(buf)).children.length,
};
if (only) for (const k of Object.keys(tools)) if (!only.split(',').includes(k)) delete tools[k];

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let r = -1; r < rounds; r++) {
  const order = Object.keys(tools);
  if (r % 2) order.reverse();
  for (const name of order) {
    const c0 = cpuMs();
    for (let i = 0; i < texts.length; i++) tools[name](texts[i], i);
    const per = (cpuMs() - c0) / texts.length;
    if (r >= 0) samples[name].push(per); // round -1 warms up
  }
}
const result = {
  files,
  kb: +(bytes / 1024).toFixed(1),
  rounds,
  cores: cpus().length,
  load: +loadavg()[0].toFixed(1),
  node: process.version,
  cpuMsPerFile: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, +median(v).toFixed(2)])),
};
if (result.cpuMsPerFile.ogi && result.cpuMsPerFile.floor) {
  result.ratioToFloor = +(result.cpuMsPerFile.ogi / result.cpuMsPerFile.floor).toFixed(2);
  result.pairedRatioToFloor = +median(samples.ogi.map((v, i) => v / samples.floor[i])).toFixed(3);
}
if (result.cpuMsPerFile.ogi && result.cpuMsPerFile.baseline) {
  result.ratioToBaseline = +(result.cpuMsPerFile.ogi / result.cpuMsPerFile.baseline).toFixed(2);
  // the ratio within each round, the two measured next to each other: steadier on a shared machine, whose load drifts between rounds
  result.pairedRatioToBaseline = +median(samples.ogi.map((v, i) => v / samples.baseline[i])).toFixed(3);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else
  console.log(
    `${files} files (${result.kb} KB), median of ${rounds} alternating rounds, CPU ms per file: ` +
      Object.entries(result.cpuMsPerFile).map(([k, v]) => `${k} ${v}`).join(', ') +
      (result.ratioToFloor ? `; ogi-lint / parse floor ${result.ratioToFloor} (median of the rounds' own ratios ${result.pairedRatioToFloor})` : '') +
      (result.ratioToBaseline ? `; ogi-lint / baseline ${result.ratioToBaseline} (median of the rounds' own ratios ${result.pairedRatioToBaseline})` : '') +
      ` (load average ${result.load})`,
  );
