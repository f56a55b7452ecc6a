#!/usr/bin/env node
/**
 * The stage of `ogi-lint audit` after the files — the checks across reports and the summaries —
 * at a scale where checking every file would take hours on a small machine (100,000 reports).
 *
 *   npm run build && node bench/audit-post-sim.mjs --files 100000 [--sample 50] [--jobs 2]
 *
 * The reports are generated as by audit-bench.mjs (cached per size and seed). A sample of them is
 * checked for real by `ogi-lint audit`; every other report gets a result line made from a sampled
 * one — its own path, size, time, body and year, and the fingerprints of its own prose sentences
 * (hashed here the way the audit hashes them: figures folded, punctuation dropped), the sample's
 * findings and tables. Then `ogi-lint audit` runs over the whole folder: every result is taken
 * from results.ndjson as unchanged, so what is measured (wall time, peak RSS by /usr/bin/time,
 * the outputs' sizes) is the work the audit does after the files, on that many results.
 * `--reuse` skips the first two steps when an earlier run left the result lines in place.
 * Written to bench/results/<files>-post-sim.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedReports, reportPath } from './generate.mjs';
import { opt, root } from './options.mjs';

const files = Number(opt('files', '100000'));
const sample = Number(opt('sample', '50'));
const jobs = Number(opt('jobs', '2'));
const seed = Number(opt('seed', '12345'));
const cacheRoot = path.resolve(opt('cache', path.join(os.tmpdir(), 'ogi-lint-bench')));
const loadBefore = os.loadavg();

const ex = await import(path.join(root, 'dist/src/audit/example-reports.js'));
const { hash32, MIN_SENTENCE } = await import(path.join(root, 'dist/src/audit/fingerprint.js'));
const { auditVocabulary, normaliseBodyName } = await import(path.join(root, 'dist/src/audit/bodies.js'));
const boilerplate = auditVocabulary().boilerplate.map((x) => new RegExp(x, 'u'));
const { dir, bytes } = generatedReports({ files, seed, cacheRoot, ...ex });
const reports = path.join(dir, 'reports');
const bin = path.join(root, 'bin/ogi-lint.js');

const out = path.join(dir, 'sim-out');
const simInfo = path.join(dir, 'sim-info.json');
let sentences = 0;
if (process.argv.includes('--reuse') && existsSync(simInfo) && existsSync(path.join(out, 'results.ndjson'))) {
  ({ sentences } = JSON.parse(readFileSync(simInfo, 'utf8')));
  process.stderr.write(`reusing the ${files} result lines of an earlier run\n`);
} else {
// 1. a sample checked for real
const sampleOut = path.join(dir, 'sim-sample');
const sampleFiles = Array.from({ length: sample }, (_, i) => reportPath(dir, i));
let t0 = Date.now();
const s = spawnSync(process.execPath, [bin, 'audit', ...sampleFiles, '--out-dir', sampleOut, '--restart', '-j', String(jobs)], { encoding: 'utf8' });
if (s.status !== 0 && s.status !== 1) {
  console.error(s.stderr);
  process.exit(2);
}
const sampled = readFileSync(path.join(sampleOut, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
process.stderr.write(`checked a sample of ${sampled.length} reports in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

// 2. a result line for every report, made from the sample
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
t0 = Date.now();
const fd = openSync(path.join(out, 'results.ndjson'), 'w');
for (let i = 0; i < files; i++) {
  const file = reportPath(dir, i);
  const text = readFileSync(file, 'utf8');
  const st = statSync(file);
  const base = sampled[i % sampled.length];
  const name = `青河县第${i}局`;
  const key = normaliseBodyName(name);
  const h = [];
  const n = [];
  const l = [];
  text.split('\n').forEach((line, at) => {
    // every line but the title: in a .md file a pipe-text line is a paragraph to the audit too
    if (at === 0) return;
    for (const raw of line.split(/[。！？；!?;]+/u)) {
      const nfkc = raw.trim().normalize('NFKC');
      if (!nfkc || boilerplate.some((re) => re.test(nfkc))) continue;
      const norm = nfkc.split(name).join('@').replace(/\d+(?:\.\d+)?/gu, '#').replace(/[^\p{L}\p{N}#@]/gu, '');
      if (norm.replace(/[#@]/g, '').length < MIN_SENTENCE) continue;
      h.push(hash32(norm));
      n.push(norm.length);
      l.push(at + 1);
    }
  });
  sentences += h.length;
  const rec = {
    ...base,
    filePath: file,
    messages: base.messages,
    body: { ...base.body, name, key, year: 2021 + (i % 3) },
    audit: { ...base.audit, sha256: '', size: st.size, mtimeMs: st.mtimeMs, fingerprint: { h, n, l } },
  };
  writeSync(fd, `${JSON.stringify(rec)}\n`);
}
closeSync(fd);
process.stderr.write(`wrote ${files} result lines (${sentences} sentences) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
writeFileSync(simInfo, JSON.stringify({ sample: sampled.length, sentences }));
}

// 3. the audit over all of them: every file's result reused
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const t1 = Date.now();
const cmd = [process.execPath, bin, 'audit', reports, '--out-dir', out, '-j', String(jobs)];
const r = timeBin ? spawnSync(timeBin, ['-f', '%e %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
const wall = (Date.now() - t1) / 1000;
const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr.trim());
const peakRssMb = m ? Number(m[2]) / 1024 : NaN;
const done = /审核完成[^\n]*|audit done[^\n]*/.exec(r.stderr)?.[0] ?? r.stderr.slice(-500);
const sizes = {};
for (const f of ['results.ndjson', 'audit.json', 'summary.html', 'summary.xlsx', 'summary.csv']) if (existsSync(path.join(out, f))) sizes[f] = statSync(path.join(out, f)).size;
const loadAfter = os.loadavg();
const table = [
  `${files} generated reports (${(bytes / 1048576).toFixed(1)} MB), ${sample} checked for real and the other results made from them; ${os.cpus().length} cores, load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before and ${loadAfter.map((x) => x.toFixed(1)).join(' ')} after`,
  '',
  `\`ogi-lint audit -j ${jobs}\` over all of them, every result reused (the checks across reports and the summaries only): ${wall.toFixed(1)} s, peak RSS ${peakRssMb.toFixed(0)} MB (${((peakRssMb * 1024) / files).toFixed(2)} KB per report), exit ${r.status}`,
  '',
  `> ${done}`,
  '',
  'Outputs (bytes):',
  '',
  ...Object.entries(sizes).map(([k, v]) => `- ${k}: ${v} (${(v / 1048576).toFixed(1)} MB)`),
].join('\n');
console.log(table);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', `${files}-post-sim.json`), JSON.stringify({ files, sample, bytes, jobs, cores: os.cpus().length, load: { before: loadBefore, after: loadAfter }, wall, peakRssMb, exit: r.status, sizes, sentences }, null, 2));
writeFileSync(path.join(root, 'bench', 'results', `${files}-post-sim.md`), `${table}\n`);
