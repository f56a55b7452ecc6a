#!/usr/bin/env node
/**
 * Where a fresh process's CPU goes: each run is a new node process that loads the modules, then
 * checks generated reports one after another, and reports the CPU spent on each block of files
 * (the first blocks run before V8 has compiled the hot code) and, on Linux, the CPU of each of the
 * process's threads at the end (the main thread against V8's helper threads, which compile hot
 * functions and collect garbage). ogi-lint's read + parse + model + rules is timed against a bare
 * remark-parse + remark-gfm parse of the same texts, each in processes of its own, alternating.
 *
 *   npm run build && node bench/warmup.mjs [--files 1000] [--block 100] [--runs 3] [--json]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { TextDecoder, TextEncoder } from 'node:util';
import { fileURLToPath } from 'node:url';
import { opt } from './options.mjs';

const files = Number(opt('files', '1000'));
const block = Number(opt('block', '100'));
const runs = Number(opt('runs', '3'));
const self = fileURLToPath(import.meta.url);

if (process.env.OGI_WARMUP_TOOL) {
  // one measured process
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const tool = process.env.OGI_WARMUP_TOOL;
  const path = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { readFileSync, readdirSync } = await import('node:fs');
  const { root } = await import('./options.mjs');
  const { reportTexts } = await import('./generate.mjs');
  const imp = (p) => import(pathToFileURL(path.join(root, p)).href);
  const { exampleReport, table2Text, table3Text } = await imp('dist/src/audit/example-reports.js');
  const texts = [...reportTexts({ files, seed: 12345, exampleReport, table2Text, table3Text })].map((t) => new TextEncoder().encode(t));
  const c0 = cpuMs();
  let check;
  if (tool === 'ogi') {
    const { lintDocument } = await imp('dist/src/lint.js');
    const { readBuffer } = await imp('dist/src/read/index.js');
    check = (buf, i) => lintDocument(readBuffer(buf, `r${i}.md`)).messages.length;
  } else {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    const floor = unified().use(remarkParse).use(remarkGfm);
    const decoder = new TextDecoder();
    check = (buf) => floor.parse(decoder.decode(buf)).children.length;
  }
  const load = cpuMs() - c0;
  const blocks = [];
  let c = cpuMs();
  for (let i = 0; i < texts.length; i++) {
    check(texts[i], i);
    if ((i + 1) % block === 0 || i === texts.length - 1) {
      const n = cpuMs();
      blocks.push(+(n - c).toFixed(1));
      c = n;
    }
  }
  // CPU per thread (Linux): the main thread's id is the process id
  let threads;
  try {
    threads = { main: 0, helpers: 0 };
    for (const t of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * (1000 / 100); // clock ticks (USER_HZ 100)
      threads[t === String(process.pid) ? 'main' : 'helpers'] += ms;
    }
  } catch {
    threads = undefined;
  }
  console.log(JSON.stringify({ load: +load.toFixed(1), blocks, total: +cpuMs().toFixed(1), threads }));
} else {
  const samples = { ogi: [], floor: [] };
  for (let r = 0; r < runs; r++) {
    for (const tool of r % 2 ? ['floor', 'ogi'] : ['ogi', 'floor']) {
      const p = spawnSync(process.execPath, [self, '--files', String(files), '--block', String(block)], {
        env: { ...process.env, OGI_WARMUP_TOOL: tool },
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (p.status !== 0) throw new Error(`${tool}: ${p.stderr}`);
      samples[tool].push(JSON.parse(p.stdout.trim().split('\n').pop()));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = {};
  for (const [tool, s] of Object.entries(samples)) {
    const nBlocks = s[0].blocks.length;
    const blocks = Array.from({ length: nBlocks }, (_, i) => median(s.map((x) => x.blocks[i])));
    const last = blocks.slice(-Math.max(1, Math.floor(nBlocks / 3)));
    const steadyPerFile = last.reduce((a, b) => a + b, 0) / last.length / block;
    const total = median(s.map((x) => x.total));
    summary[tool] = {
      loadMs: median(s.map((x) => x.load)),
      msPerFileByBlock: blocks.map((b) => +(b / block).toFixed(2)),
      steadyMsPerFile: +steadyPerFile.toFixed(2),
      totalMs: total,
      // what the process spent beyond `files` × the steady per-file cost: start-up and warm-up
      beyondSteadyMs: +(total - steadyPerFile * files).toFixed(0),
      ...(s[0].threads ? { mainThreadMs: median(s.map((x) => x.threads.main)), helperThreadsMs: median(s.map((x) => x.threads.helpers)) } : {}),
    };
  }
  const result = { files, block, runs, load: +loadavg()[0].toFixed(1), node: process.version, ...summary };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`${files} generated reports per process, blocks of ${block}, median of ${runs} alternating runs (load average ${result.load})`);
    for (const tool of ['ogi', 'floor']) {
      const s = summary[tool];
      console.log(
        `${tool === 'ogi' ? 'ogi-lint' : 'parse floor'}: modules ${s.loadMs} ms; CPU ms per file by block ${s.msPerFileByBlock.join(' ')}; ` +
          `steady ${s.steadyMsPerFile}; whole ${(s.totalMs / 1000).toFixed(2)} s, of which ${(s.beyondSteadyMs / 1000).toFixed(2)} s beyond the steady cost` +
          (s.mainThreadMs !== undefined ? `; main thread ${(s.mainThreadMs / 1000).toFixed(2)} s, V8 helper threads ${(s.helperThreadsMs / 1000).toFixed(2)} s` : ''),
      );
    }
  }
}
