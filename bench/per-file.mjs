#!/usr/bin/env node
/**
 * Steady-state CPU cost per file, in process: ogi-lint's read + parse + model + rules against a
 * bare remark-parse + remark-gfm parse of the same generated reports, after warm-up, in
 * alternating rounds. Start-up and the worker pool are left out (see audit-bench.mjs for whole
 * processes). Prints per-file CPU milliseconds and the ratio; writes JSON with --json.
 *
 *   npm run build && node bench/per-file.mjs [--files 100] [--rounds 5] [--json] [--only ogi,floor,baseline]
 *     [--baseline DIR]   also time another build (DIR holds its package.json and dist/), in the
 *                        same rounds: the honest way to measure a change on a loaded machine
 */
import { cpus, loadavg } from 'node:os';
import { TextDecoder, TextEncoder } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { opt, root } from './options.mjs';

const files = Number(opt('files', '100'));
const rounds = Number(opt('rounds', '5'));
const only = opt('only', '');
const baseline = opt('baseline', '');
const imp = (p) => import(pathToFileURL(path.join(root, p)).href);

const { exampleReport, table2Text, table3Text } = await imp('dist/src/audit/example-reports.js');
const { lintDocument } = await imp('dist/src/lint.js');
const { readBuffer } = await imp('dist/src/read/index.js');
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remarkGfm = (await import('remark-gfm')).default;

// the same seeded reports as audit-bench.mjs
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const WORDS = '推进 落实 完善 加强 规范 优化 建立 健全 深化 政务 公开 信息 平台 网站 栏目 目录 指南 制度 机制 流程 标准 清单 事项 政策 解读 回应 关切 营商 环境 民生 教育 医疗 养老 就业 住房 交通 农业 水利 财政 预算 审计 统计 乡村 社区 企业 群众 窗口 热线 培训 考核 监督 整改 答复 登记 审核 归档 数据 开放 共享 查询 咨询 投诉 建议'.split(' ');
const sentence = () => Array.from({ length: 9 + Math.floor(rand() * 6) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('') + '。';
const texts = [];
for (let i = 0; i < files; i++) {
  const carried = [Math.floor(rand() * 3), 0, 0, 0, 0, 0];
  texts.push(
    new TextEncoder().encode(
      exampleReport({
        body: `青河县第${i}局`,
        year: 2021 + (i % 3),
        overview: Array.from({ length: 12 }, sentence).join(''),
        problems: Array.from({ length: 4 }, sentence).join(''),
        table2: table2Text(Math.floor(rand() * 4), 0, 10),
        table3: table3Text([carried[0] + 1 + Math.floor(rand() * 20), Math.floor(rand() * 3), 0, 0, 0, 0], carried, [Math.floor(rand() * 3), 0, 0, 0, 0, 0]),
      }),
    ),
  );
}
const bytes = texts.reduce((n, t) => n + t.length, 0);

const floor = unified().use(remarkParse).use(remarkGfm);
const decoder = new TextDecoder();
const tools = {
  ogi: (buf, i) => lintDocument(readBuffer(buf, `r${i}.md`)).messages.length,
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
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  files,
  kb: +(bytes / 1024).toFixed(1),
  rounds,
  cores: cpus().length,
  load: +loadavg()[0].toFixed(1),
  node: process.version,
  cpuMsPerFile: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, +median(v).toFixed(2)])),
};
if (result.cpuMsPerFile.ogi && result.cpuMsPerFile.floor) result.ratioToFloor = +(result.cpuMsPerFile.ogi / result.cpuMsPerFile.floor).toFixed(2);
if (result.cpuMsPerFile.ogi && result.cpuMsPerFile.baseline) result.ratioToBaseline = +(result.cpuMsPerFile.ogi / result.cpuMsPerFile.baseline).toFixed(2);
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else
  console.log(
    `${files} files (${result.kb} KB), median of ${rounds} alternating rounds, CPU ms per file: ` +
      Object.entries(result.cpuMsPerFile).map(([k, v]) => `${k} ${v}`).join(', ') +
      (result.ratioToFloor ? `; ogi-lint / parse floor ${result.ratioToFloor}` : '') +
      (result.ratioToBaseline ? `; ogi-lint / baseline ${result.ratioToBaseline}` : '') +
      ` (load average ${result.load})`,
  );
