import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../src/lint.js';
import type { Rule } from '../src/rules/types.js';
import proseSum from '../rules/prose-sum.js';
import prosePercentage from '../rules/prose-percentage.js';
import conflictingFigures from '../rules/conflicting-figures.js';
import proseTableMismatch from '../rules/prose-table-mismatch.js';
import missingFigure from '../rules/missing-figure.js';
import { corpusDir, corpusFile, devLabels, repoRoot, seedFiles } from './helpers/corpus.js';

const RULES = [proseSum, prosePercentage, conflictingFigures, proseTableMismatch, missingFigure] as Rule<unknown>[];

function lint(text: string, file = 'report.txt', rules = RULES) {
  return lintText(text, file, { rules }).messages;
}

/** The whole line of a real report that contains `snippet`. */
function realLine(rel: string, snippet: string): string {
  const line = corpusFile(rel)
    .split('\n')
    .find((l) => l.includes(snippet));
  if (!line) throw new Error(`${rel}: no line with ${snippet}`);
  return line.trim();
}

const realFiles = [
  ...seedFiles().map((f) => `seeds/${f}`),
  ...readdirSync(path.join(corpusDir, 'dev'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `dev/${f}`),
];

describe('the figure rules over every real report', () => {
  const found = realFiles.flatMap((rel) =>
    lint(corpusFile(rel), rel).map((m) => ({ file: path.basename(rel).slice(0, 5), rule: m.ruleId, line: m.line, severity: m.severity, expected: m.expected, actual: m.actual })),
  );

  it('report exactly the real defects and nothing else', () => {
    expect(realFiles.length).toBe(75);
    expect(found).toEqual([
      // seed 004: 政务公文79件 / 80件, and the restated 各类信息2400余条 / 1800余条 (which one is right the text does not tell: no expected value)
      { file: '004_1', rule: 'conflicting-figures', line: 65, severity: 1, expected: undefined, actual: '80件' },
      { file: '004_1', rule: 'conflicting-figures', line: 65, severity: 1, expected: undefined, actual: '1800余条' },
      // 231条 but 166+17+59 = 242; parts by channel, so a warning
      { file: 'A-032', rule: 'prose-sum', line: 4, severity: 1, expected: 242, actual: 231 },
      // categories add up to 101 (the 科教文体卫生类 entry twice) but the total is 103
      { file: 'C-068', rule: 'prose-sum', line: 12, severity: 1, expected: 101, actual: 103 },
    ]);
  });

  it('the findings are the ones the human labels name', () => {
    const labels = new Map(devLabels().map((l) => [l.file.slice(0, 5), l.issues.join(' ')]));
    expect(labels.get('A-032')).toContain('231条 but channels 166+17+59 = 242');
    expect(labels.get('C-068')).toContain('sum to 101');
    expect(corpusFile('README.md')).toContain('政务公文79件 / 80件; 各类信息2400余条 / 1800余条');
  });

  it('seed 001: the breakdown of requests and all six percentages are checked, and are right', () => {
    const rel = `seeds/${seedFiles().find((f) => f.startsWith('001'))!}`;
    const text = corpusFile(rel);
    expect(lint(text, rel)).toEqual([]);
    // the same page with one count changed is caught by both rules
    const wrong = lint(text.replace('传真申请87件', '传真申请97件'), rel);
    expect(wrong.map((m) => [m.ruleId, m.expected, m.actual])).toEqual([['prose-sum', 574, 564]]);
    const pct = lint(text.replace('占总数的3.9%', '占总数的4.9%'), rel);
    expect(pct.map((m) => [m.ruleId, m.message])).toEqual([['prose-percentage', '百分比与数字不符：22÷564=3.9%，文中为4.9%']]);
  });
});

describe('real sentences that must stay silent', () => {
  const silent = (rel: string, snippet: string) => expect(lint(realLine(rel, snippet), rel)).toEqual([]);

  it('dev B-044: outcomes after the semicolon are not more channels (13 = 11 + 2)', () => silent('dev/B-044.txt', '局长信箱收到2件'));
  it('dev A-072: a few highlights of 2133 items are not a complete list', () => silent('dev/A-072.txt', '共主动公开政府信息2133条'));
  it('dev C-068: 主动公开103条 of 148 made or obtained is not a partition', () => silent('dev/C-068.txt', '总数148条'));
  it('dev B-064: issues (期) after articles (篇) are other counts', () => silent('dev/B-064.txt', '制作图文解读5篇'));
  it('dev C-036: a count of press conferences ends the list of items', () => silent('dev/C-036.txt', '共计公开各类信息2936条'));
  it('dev B-080: “皆已全部按时答复，予以公开9件” is not a third part of 9 requests', () => silent('dev/B-080.txt', '其中8份是网络依申请公开'));
  it('dev B-088: the list with a unitless item adds up', () => silent('dev/B-088.txt', '意见征集3、'));
  it('dev B-028: percentages truncated to the printed decimals', () => silent('dev/B-028.txt', '占比0.5%'));
  it('dev B-068: 10÷572 = 1.748% printed as 1.8% (rounded in two steps)', () => silent('dev/B-068.txt', '占总体的比例为1.8%'));
  it('dev C-048: 政府信息 on the website, on Weibo and on WeChat are different counts', () => {
    const rel = 'dev/C-048.txt';
    expect(lint(corpusFile(rel), rel)).toEqual([]);
  });
  it('dev A-032: 主动公开政府信息231条 and 通过网站主动公开政府信息166条 are different counts', () => {
    expect(lint(corpusFile('dev/A-032.txt'), 'A-032.txt', [conflictingFigures as Rule<unknown>])).toEqual([]);
  });
});

describe('prose against the tables', () => {
  const fixture = (name: string) => readFileSync(path.join(repoRoot, 'fixtures/prose', name), 'utf8');

  it('a report whose prose agrees with its tables is silent', () => {
    expect(lint(fixture('consistent-2021.txt'), 'consistent-2021.txt')).toEqual([]);
  });

  it('each count that disagrees is reported with both values', () => {
    const got = lint(fixture('mismatch-2021.txt'), 'mismatch-2021.txt', [proseTableMismatch as Rule<unknown>]);
    expect(got.map((m) => [m.line, m.message, m.expected, m.actual])).toEqual([
      [5, '正文与表格不一致：正文“制发行政规范性文件3件”，表格中“制发规范性文件”为2', 2, 3],
      [6, '正文与表格不一致：正文“新收政府信息公开申请15件”，表格中“本年新收申请”为13', 13, 15],
      [6, '正文与表格不一致：正文“予以公开9件”，表格中“予以公开”为7', 7, 9],
      [6, '正文与表格不一致：正文“不予公开2件”，表格中“不予公开”为1', 1, 2],
      [6, '正文与表格不一致：正文“发生政府信息公开行政复议2件”，表格中“行政复议”为1', 1, 2],
    ]);
  });

  it('seed 002: prose and the legacy statistics table agree; a changed count is caught', () => {
    const rel = `seeds/${seedFiles().find((f) => f.startsWith('002'))!}`;
    const text = corpusFile(rel);
    const only = [proseTableMismatch as Rule<unknown>];
    expect(lint(text, rel, only)).toEqual([]);
    const changed = lint(text.replace('申请行政复议数为0件', '申请行政复议数为2件'), rel, only);
    expect(changed.map((m) => [m.expected, m.actual])).toEqual([[0, 2]]);
  });

  it('requests received may include those carried over from last year', () => {
    const text = fixture('consistent-2021.txt').replace('全年新收政府信息公开申请13件，上年结转1件。', '全年共收到政府信息公开申请14件（含上年结转1件）。');
    expect(lint(text, 'x.txt', [proseTableMismatch as Rule<unknown>])).toEqual([]);
  });
});

describe('messages and bad input', () => {
  it('speaks English with locale en', () => {
    const text = '2020年共受理政府信息公开申请20件，其中当面申请8件，网上申请10件，信函申请4件。';
    const [m] = lintText(text, 'x.txt', { rules: [proseSum as Rule<unknown>], locale: 'en' }).messages;
    expect(m!.message).toBe('the parts add up to more than the total: 8+10+4 = 22, but the total is 20');
  });

  it('run-on, deeply nested and garbled text gives diagnostics, never an exception', () => {
    const inputs = [
      '共3件（其中1件（其中1件（'.repeat(300),
      '其中'.repeat(2000) + '共有' + '1件，'.repeat(2000),
      '共受理申请100件，其中' + 'A1件，包括：B1件；'.repeat(300) + '。',
      '占总数的%，占比.%，其中，包括：；；（（））〔〕第件余多约',
    ];
    for (const t of inputs) expect(Array.isArray(lint(t))).toBe(true);
  });
});
