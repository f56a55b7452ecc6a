/**
 * Generated reports for the benchmarks: format-2021, tables as pipe text, independent prose of
 * 16 sentences, one body per file, years 2021–2023 in turn. Written once into
 * `<cacheRoot>/<files>-seed<seed>/reports/NNN/rI.md` (1,000 files a folder) and reused: a
 * `.complete` marker holds the total size in bytes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A seeded generator, so every run measures the same files. */
export function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = '推进 落实 完善 加强 规范 优化 建立 健全 深化 政务 公开 信息 平台 网站 栏目 目录 指南 制度 机制 流程 标准 清单 事项 政策 解读 回应 关切 营商 环境 民生 教育 医疗 养老 就业 住房 交通 农业 水利 财政 预算 审计 统计 乡村 社区 企业 群众 窗口 热线 培训 考核 监督 整改 答复 登记 审核 归档 数据 开放 共享 查询 咨询 投诉 建议'.split(' ');

/** The path of the i-th generated report under a cache folder. */
export function reportPath(dir, i) {
  return path.join(dir, 'reports', String(Math.floor(i / 1000)).padStart(3, '0'), `r${i}.md`);
}

/**
 * The generated reports one after another: the i-th text for this seed (the same sequence every
 * time). `exampleReport`, `table2Text` and `table3Text` come from dist/src/audit/example-reports.js.
 */
export function* reportTexts({ files, seed, exampleReport, table2Text, table3Text }) {
  const rand = seeded(seed);
  const sentence = () => Array.from({ length: 9 + Math.floor(rand() * 6) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('') + '。';
  for (let i = 0; i < files; i++) {
    const carried = [Math.floor(rand() * 3), 0, 0, 0, 0, 0];
    yield exampleReport({
      body: `青河县第${i}局`,
      year: 2021 + (i % 3),
      overview: Array.from({ length: 12 }, sentence).join(''),
      problems: Array.from({ length: 4 }, sentence).join(''),
      table2: table2Text(Math.floor(rand() * 4), 0, 10),
      table3: table3Text([carried[0] + 1 + Math.floor(rand() * 20), Math.floor(rand() * 3), 0, 0, 0, 0], carried, [Math.floor(rand() * 3), 0, 0, 0, 0, 0]),
    });
  }
}

/** A line of a table written as text: cells with ` | ` between them. */
const ROW = / \| /;
/** A part's heading (一、 to 六、), alone on its line. */
const PART = /^[一二三四五六]、[^|]{2,20}$/;

/**
 * The same report as Markdown is written by hand or by a converter: a `#` title, `##` part
 * headings, blank lines between paragraphs, tables as GFM tables (a delimiter row under the first
 * row, as wide as the widest row; rows with fewer cells filled out with empty ones, as a table with
 * merged cells comes out of a converter).
 */
export function asGfm(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; ) {
    if (ROW.test(lines[i])) {
      let j = i;
      while (j < lines.length && ROW.test(lines[j])) j++;
      const rows = lines.slice(i, j).map((l) => l.split(' | '));
      const width = Math.max(...rows.map((r) => r.length));
      const md = (r) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
      out.push(md(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(md), '');
      i = j;
      continue;
    }
    const line = lines[i++];
    if (!line) continue;
    out.push(out.length === 0 ? `# ${line}` : PART.test(line) ? `## ${line}` : line, '');
  }
  return out.join('\n');
}

/**
 * The folder of `files` generated reports for this seed, written now unless already there.
 * `exampleReport`, `table2Text` and `table3Text` come from dist/src/audit/example-reports.js;
 * `layout: 'gfm'` writes them as `asGfm` does.
 */
export function generatedReports({ files, seed, cacheRoot, exampleReport, table2Text, table3Text, layout = 'pipe' }) {
  const dir = path.join(cacheRoot, `${files}-seed${seed}${layout === 'gfm' ? '-gfm' : ''}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return { dir, bytes: Number(readFileSync(marker, 'utf8')) };
  const t0 = Date.now();
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  let i = 0;
  for (const generated of reportTexts({ files, seed, exampleReport, table2Text, table3Text })) {
    const text = layout === 'gfm' ? asGfm(generated) : generated;
    const file = reportPath(dir, i);
    if (i++ % 1000 === 0) mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(marker, String(bytes));
  process.stderr.write(`generated ${files} files (${(bytes / 1048576).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${dir}\n`);
  return { dir, bytes };
}

/**
 * Write the parse floor's script to `file`: a bare remark-parse + remark-gfm parse of every .md
 * file under the folder given as its argument (with the repository's own packages), printing the
 * count. What every benchmark compares ogi-lint with.
 */
export function writeParseFloorScript(file, root) {
  writeFileSync(
    file,
    `import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const req = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
const { unified } = await import(req.resolve('unified'));
const remarkParse = (await import(req.resolve('remark-parse'))).default;
const remarkGfm = (await import(req.resolve('remark-gfm'))).default;
const p = unified().use(remarkParse).use(remarkGfm);
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.md') ? [path.join(d, e.name)] : []);
let n = 0;
for (const f of walk(process.argv[2])) { p.parse(readFileSync(f, 'utf8')); n++; }
console.log(n);
`,
  );
  return file;
}
