import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exampleReport, table2Text, table3Text } from '../../src/audit/example-reports.js';

/**
 * A generated area: bodies reporting for two years, each report written independently (its own
 * sentences, from a seeded random generator), with defects injected where a test says so.
 */

/** mulberry32: a small seeded generator, so a set is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  '推进 落实 完善 加强 规范 优化 建立 健全 深化 拓展 统筹 提升 强化 做好 抓好 开展 组织 实施 发布 更新 ' +
  '政务 公开 信息 平台 网站 栏目 目录 指南 制度 机制 流程 标准 清单 事项 政策 解读 回应 关切 舆情 ' +
  '营商 环境 民生 领域 教育 医疗 养老 就业 住房 交通 环保 农业 水利 林业 财政 预算 决算 审计 统计 ' +
  '乡村 社区 街道 企业 群众 窗口 热线 微信 微博 客户端 发布会 访谈 培训 考核 监督 评议 问责 整改 ' +
  '依申请 答复 登记 审核 归档 保密 审查 协调 会商 备案 清理 废止 修订 起草 征求 意见 听证 座谈 ' +
  '数据 开放 共享 查询 检索 下载 留言 咨询 投诉 建议 办件 时限 质量 效率 规范化 标准化 便利化'
).split(' ');

/** A sentence nobody else wrote: 9 to 14 words drawn from the county's vocabulary. */
export function sentence(next: () => number): string {
  const n = 9 + Math.floor(next() * 6);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  return `${words.join('')}。`;
}

/** Wording every body uses (the kind of sentence the audit must not count as copied). */
export const COMMON = '深入贯彻落实党中央国务院关于全面推进政务公开工作的决策部署，扎实做好政府信息公开各项工作。';

const TOWNS = ['城关', '河口', '石桥', '柳林', '白沙', '新塘', '东坪', '西湖', '南山', '北岭', '高桥', '龙泉', '青石', '凤凰', '桃源', '双河', '金田', '马鞍', '荷塘', '云溪'];

/** The i-th body of the county: its departments, then its towns. */
export function bodyName(i: number): string {
  if (i < DEPARTMENTS.length) return `青河县${DEPARTMENTS[i]}`;
  return `青河县${TOWNS[(i - DEPARTMENTS.length) % TOWNS.length]}镇人民政府`;
}

export const DEPARTMENTS = ['教育局', '财政局', '民政局', '司法局', '交通运输局', '水利局', '农业农村局', '卫生健康委员会', '应急管理局', '审计局', '统计局', '林业局'];

export interface ReportSpec {
  body: string;
  year: number;
  prose: string[];
  problems: string[];
  carried: number[];
  forward: number[];
  granted: number[];
  t2: [number, number, number];
}

export function writeReport(dir: string, file: string, r: ReportSpec): string {
  const p = path.join(dir, file);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(
    p,
    exampleReport({
      body: r.body,
      year: r.year,
      overview: [COMMON, ...r.prose].join(''),
      problems: r.problems.join(''),
      table2: table2Text(...r.t2),
      table3: table3Text(r.granted, r.carried, r.forward),
    }),
  );
  return p;
}

export interface GeneratedSet {
  /** file (relative to the set's folder) of each body's report per year */
  files: Map<string, string>;
  specs: Map<string, ReportSpec>;
}

/** Independent reports of `bodies` bodies of 青河县 for 2021 and 2022, consistent across the years. */
export function independentSet(seed: number, bodies: number): GeneratedSet {
  const next = rng(seed);
  const files = new Map<string, string>();
  const specs = new Map<string, ReportSpec>();
  for (let i = 0; i < bodies; i++) {
    const body = bodyName(i);
    const forward2021 = [Math.floor(next() * 4), Math.floor(next() * 2), 0, 0, 0, 0];
    const inForce2021 = 5 + Math.floor(next() * 20);
    for (const year of [2021, 2022]) {
      const carried = year === 2021 ? [0, 0, 0, 0, 0, 0] : forward2021;
      const spec: ReportSpec = {
        body,
        year,
        prose: Array.from({ length: 6 }, () => sentence(next)),
        problems: Array.from({ length: 2 }, () => sentence(next)),
        carried,
        forward: year === 2021 ? forward2021 : [Math.floor(next() * 3), 0, 0, 0, 0, 0],
        // at least what was carried over is handled, so that 新收 is never negative
        granted: [carried[0]! + 1 + Math.floor(next() * 9), carried[1]! + Math.floor(next() * 3), 0, 0, 0, 0],
        t2: year === 2021 ? [2, 0, inForce2021] : [3, 1, inForce2021 + 2],
      };
      const id = `${i}-${year}`;
      specs.set(id, spec);
      files.set(id, `${year}/body-${String(i).padStart(2, '0')}.txt`);
    }
  }
  return { files, specs };
}

export function writeSet(dir: string, set: GeneratedSet): void {
  for (const [id, spec] of set.specs) writeReport(dir, set.files.get(id)!, spec);
}

/** Bad files that arrive with real sets: a PDF, an empty file, a zip bomb, a scan. */
export function addBadFiles(dir: string, hostileDir: string): string[] {
  const bad = ['report.pdf.txt', 'empty.txt', 'bomb.docx'];
  mkdirSync(path.join(dir, 'bad'), { recursive: true });
  for (const f of bad) copyFileSync(path.join(hostileDir, f), path.join(dir, 'bad', f));
  return bad.map((f) => `bad/${f}`);
}
