import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Rule } from '../src/rules/types.js';
import type { Report } from '../src/model/types.js';
import proseSum from '../rules/prose-sum.js';
import prosePercentage from '../rules/prose-percentage.js';
import conflictingFigures from '../rules/conflicting-figures.js';
import proseTableMismatch from '../rules/prose-table-mismatch.js';
import missingFigure from '../rules/missing-figure.js';
import { figureMetric, metricKey, topicOf } from '../src/model/figures/metrics.js';
import { tablesValue } from '../src/model/figures/versus-tables.js';
import { columnsSure, templateOf } from '../src/model/tables/index.js';
import { corpusFile, repoRoot } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

const RULES = [proseSum, prosePercentage, conflictingFigures, proseTableMismatch, missingFigure] as Rule<unknown>[];

function lint(text: string, rules = RULES, file = 'report.txt') {
  return lintText(text, file, { rules }).messages;
}

function model(text: string, file = 'report.txt'): Report {
  return modelDocument(readBuffer(Buffer.from(text, 'utf8'), file)).report;
}

/**
 * Every `step`-th combination: with a step prime to the number of choices of each kind, every
 * choice still comes up, in changing company (the whole product of the full report is slow).
 */
function sample<T>(all: T[], step: number): T[] {
  return all.filter((_, i) => i % step === 0);
}

/** Every combination of the given choices. */
function combos<T extends Record<string, readonly unknown[]>>(choices: T): { [K in keyof T]: T[K][number] }[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [k, vs] of Object.entries(choices)) out = out.flatMap((o) => vs.map((v) => ({ ...o, [k]: v })));
  return out as { [K in keyof T]: T[K][number] }[];
}

/** A format-2021 report whose tables say: 13 new, 1 carried over, 7 disclosed, 1 partly, 1 refused, 3 unavailable, 1 not processed, 13 handled, 1 carried forward. */
const consistent = readFileSync(path.join(repoRoot, 'fixtures/prose/consistent-2021.txt'), 'utf8');
const REQUESTS_LINE = consistent.split('\n').find((l) => l.startsWith('（二）依申请公开。'))!;

/** The consistent report with its paragraph on requests replaced. */
function withRequests(paragraph: string): string {
  return consistent.replace(REQUESTS_LINE, paragraph);
}

/**
 * Tables 3 and 4 of the consistent report with the totals a real report's labels give (all
 * applicants 自然人, every outcome 予以公开), and table 4's row as written.
 */
function labelTables(v: { new: number; carried: number; handled: number; forward: number; t4: string }): string {
  const row = (label: string, n: number) => `${label} | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`;
  return consistent
    .split('\n')
    .filter((l, i, all) => i >= all.indexOf('三、收到和处理政府信息公开申请情况') && i < all.indexOf('五、存在的主要问题及改进情况'))
    .join('\n')
    .replace('一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', row('一、本年新收政府信息公开申请数量', v.new))
    .replace('二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', row('二、上年结转政府信息公开申请数量', v.carried))
    .replace('三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |', `三、本年度办理结果 | ${row('（一）予以公开', v.handled)}`)
    .replace('（七）总计 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', row('（七）总计', v.handled))
    .replace('四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', row('四、结转下年度继续办理', v.forward))
    .replace('1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |', v.t4);
}

describe('a share whose whole the sentence does not name', () => {
  const variants = sample(
    combos({
      intro: ['其中', '', '办理结果中，'],
      verb: ['予以公开', '同意公开'],
      space: ['', ' '],
      comma: ['，', ','],
      sign: ['%', '％'],
      phrase: ['占', '占比', '占总数的', '占全部申请的', '占申请总数的'],
    }),
    13,
  );

  it('is silent when it fits one of table 3’s wholes (handled 13, new 13, new + carried 14), and the check runs', () => {
    expect(new Set(variants.map((v) => v.phrase)).size).toBe(5);
    for (const v of variants) {
      for (const pct of ['53.8', '54', '50.0']) {
        const p = `（二）依申请公开。全年新收政府信息公开申请13件，上年结转1件。${v.intro}${v.verb}${v.space}7${v.space}件${v.comma}${v.phrase}${pct}${v.sign}；部分公开1件。`;
        const text = withRequests(p);
        expect(lint(text), p).toEqual([]);
        const share = model(text).shares.find((s) => s.percent.value === Number(pct))!;
        expect([share.part?.value, share.whole]).toEqual([7, undefined]);
        expect(share.candidates, p).toBeDefined();
      }
    }
  });

  it('is a warning when no plausible whole fits, naming the ones tried', () => {
    for (const v of variants) {
      const p = `（二）依申请公开。全年新收政府信息公开申请13件，上年结转1件。${v.intro}${v.verb}${v.space}7${v.space}件${v.comma}${v.phrase}60.2${v.sign}。`;
      const got = lint(withRequests(p));
      expect(
        got.map((m) => [m.ruleId, m.severity, m.message]),
        p,
      ).toEqual([['prose-percentage', 1, '百分比与可能的总数都不符：7÷13=53.8%、7÷14=50.0%，文中为60.2%']]);
    }
  });

  it('takes a whole stated in the sentence before (59 of 573 handled), whatever the year, unit and spacing', () => {
    for (const v of combos({ year: ['2019', '2023'], unit: ['件', '条'], space: ['', ' '], lead: ['', '本机关'] })) {
      const head = `${v.year}年${v.lead}共受理申请${v.space}600${v.space}${v.unit}，办结${v.space}573${v.space}${v.unit}。`;
      const ok = `${head}其中予以公开${v.space}59${v.space}${v.unit}，占10.3%。`;
      expect(lint(ok), ok).toEqual([]);
      expect(model(ok).shares[0]!.candidates!.map((c) => c.value)).toEqual([600, 573]);
      const bad = `${head}其中予以公开${v.space}59${v.space}${v.unit}，占11.3%。`;
      expect(lint(bad).map((m) => m.message), bad).toEqual(['百分比与可能的总数都不符：59÷600=9.8%、59÷573=10.3%，文中为11.3%']);
    }
  });

  it('is not checked when there is no whole to try, or the words name another whole', () => {
    expect(lint('其中予以公开59件，占10.3%。')).toEqual([]);
    expect(lint(withRequests('（二）依申请公开。其中予以公开7件，占全市申请总量的10.3%。'))).toEqual([]);
    expect(lint('2020年受理行政复议5件，占全省的12%。')).toEqual([]);
  });
});

describe('outcomes joined in one subject are the sum of their rows', () => {
  const variants = sample(
    combos({
      first: ['予以公开', '同意公开', '公开', '全部公开'],
      joiner: ['和', '及', '、', '与', '以及'],
      total: ['共', '合计', ''],
      space: ['', ' '],
    }),
    7,
  );

  it('agree with （一）+（二） and are silent; a different count is reported with the sum', () => {
    for (const v of variants) {
      const p = (n: number) => `（二）依申请公开。全年新收政府信息公开申请13件，上年结转1件。其中${v.first}${v.joiner}部分公开${v.total}${v.space}${n}${v.space}件。`;
      expect(lint(withRequests(p(8))), p(8)).toEqual([]);
      const r = model(withRequests(p(8)));
      const f = r.figures.find((x) => x.value === 8)!;
      expect(figureMetric(r, f)?.sum, p(8)).toEqual(['granted', 'partly-granted']);
      const got = lint(withRequests(p(9)), [proseTableMismatch as Rule<unknown>]);
      expect(
        got.map((m) => [m.expected, m.actual, m.message.replace(/正文“.*”，/u, '')]),
        p(9),
      ).toEqual([[8, 9, '正文与表格不一致：表格中“予以公开和部分公开”为8']]);
    }
  });

  it('names the joined words in the message', () => {
    const got = lint(withRequests('（二）依申请公开。其中予以公开和部分公开共9件。'), [proseTableMismatch as Rule<unknown>]);
    expect(got.map((m) => m.message)).toEqual(['正文与表格不一致：正文“予以公开和部分公开共9件”，表格中“予以公开和部分公开”为8']);
  });

  it('other outcomes join too (不予公开和无法提供 = （三）+（四）, each the sum of its items)', () => {
    for (const j of ['和', '及', '、']) {
      expect(lint(withRequests(`（二）依申请公开。其中不予公开${j}无法提供共4件。`)), j).toEqual([]);
      const got = lint(withRequests(`（二）依申请公开。其中不予公开${j}无法提供共5件。`), [proseTableMismatch as Rule<unknown>]);
      expect(got.map((m) => [m.expected, m.actual])).toEqual([[4, 5]]);
    }
  });

  it('a share of the joined count is checked against the handled requests (8 ÷ 13 = 61.5%)', () => {
    expect(lint(withRequests('（二）依申请公开。全年新收申请13件。予以公开和部分公开共8件，占61.5%。'))).toEqual([]);
    const got = lint(withRequests('（二）依申请公开。全年新收申请13件。予以公开和部分公开共8件，占41.2%。'));
    expect(got.map((m) => [m.ruleId, m.severity])).toEqual([['prose-percentage', 1]]);
  });

  it('words that only look joined are read as before (涉及国家秘密不予公开 is not 涉 + 不予公开)', () => {
    const r = model('2011年因涉及国家秘密不予公开13件。');
    expect(figureMetric(r, r.figures[0]!)?.id).toBe('refused');
  });
});

describe('applications for an administrative review are reviews, not requests for information', () => {
  it('收到行政复议申请 is table 4’s reviews; 收到…公开申请 still the new requests', () => {
    for (const w of ['收到行政复议申请1件', '共收到行政复议申请1件', '受理行政复议申请1件', '接收行政复议申请1件']) {
      const r = model(`本年度${w}。`);
      expect(figureMetric(r, r.figures[0]!)?.id, w).toBe('review');
    }
    for (const w of ['收到政府信息公开申请13件', '共收到公开申请13件', '受理依申请公开事项13件']) {
      const r = model(`本年度${w}。`);
      expect(figureMetric(r, r.figures[0]!)?.id, w).toBe('new');
    }
    // no other request is taken for the new requests either
    const suit = model('本年度收到行政诉讼起诉申请1件。');
    expect(figureMetric(suit, suit.figures[0]!)?.id).not.toBe('new');
  });

  it('agree with table 4 and are silent; a different count is reported against the reviews', () => {
    expect(lint(withRequests('（二）依申请公开。全年新收政府信息公开申请13件，上年结转1件。本年度收到行政复议申请1件。'))).toEqual([]);
    const got = lint(withRequests('（二）依申请公开。全年新收政府信息公开申请13件，上年结转1件。本年度收到行政复议申请2件。'), [proseTableMismatch as Rule<unknown>]);
    expect(got.map((m) => [m.expected, m.actual, m.message.includes('行政复议')])).toEqual([[1, 2, true]]);
  });
});

describe('a list introduced by its subject in the next sentence', () => {
  const variants = combos({
    head: ['2023年，主动公开政府信息312条。', '本年度共主动公开信息 312 条。', '全年主动公开政府信息312条；'],
    intro: ['主动公开的信息中，', '在主动公开的信息中，', '上述信息中，', '按信息类别分：', '从信息类别看，'],
    sep: ['，', '、', '；'],
  });

  it('finds the total and the parts, silent when they add up and reported when they do not', () => {
    for (const v of variants) {
      if (v.head.endsWith('；') && v.intro.startsWith('按')) continue;
      const text = (a: number) => `${v.head}${v.intro}工作动态${a}条${v.sep}通知公告72条${v.sep}政策文件100条。`;
      const r = model(text(140));
      expect(
        r.breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)]),
        text(140),
      ).toEqual([[312, [140, 72, 100]]]);
      expect(lint(text(140)), text(140)).toEqual([]);
      expect(
        lint(text(150)).map((m) => [m.ruleId, m.expected, m.actual]),
        text(150),
      ).toEqual([['prose-sum', 322, 312]]);
    }
  });

  it('a sentence about something else opens nothing (工作中，…)', () => {
    expect(model('2021年主动公开信息20条。工作中，我们开展培训3次，发放资料200份。').breakdowns).toEqual([]);
  });

  it('a list goes on in the next sentence only when that makes its total exactly', () => {
    const r = model('2016年全区主动公开政府信息3460条。其中，区直部门主动公开政府信息1822条，占53%。各乡镇主动公开政府信息1638条，占47%。');
    expect(r.breakdowns.map((b) => b.parts.map((p) => p.value))).toEqual([[1822, 1638]]);
    const s = model('2016年全区主动公开政府信息3460条。其中，区直部门主动公开政府信息1822条。各乡镇主动公开政府信息1600条。');
    expect(s.breakdowns.map((b) => b.parts.map((p) => p.value))).toEqual([[1822]]);
  });
});

describe('missing-figure', () => {
  const only = [missingFigure as Rule<unknown>];

  it('reports a list item without its number, at the place of the number', () => {
    const names = ['工作动态类信息', '通知公告类信息', '政策文件', '政策解读'];
    for (const v of combos({ name: names, unit: ['条', '件', '篇'], space: ['', ' ', '\u3000'], at: ['middle', 'last'], sep: ['，', '、', '；'] })) {
      const gap = `${v.name}${v.space}${v.unit}`;
      const items = v.at === 'middle' ? [`机构职能类信息12${v.unit}`, gap, `其他信息3${v.unit}`] : [`机构职能类信息12${v.unit}`, `其他信息3${v.unit}`, gap];
      const text = `2024年主动公开政府信息40${v.unit}，其中${items.join(v.sep)}。`;
      const got = lint(text, only);
      const col = text.indexOf(gap) + v.name.length + 1;
      expect(
        got.map((m) => [m.line, m.column, m.endColumn, m.severity, m.message]),
        text,
      ).toEqual([[1, col, col + v.space.length + 1, 1, `“${text.slice(text.lastIndexOf(v.sep === '、' ? '、' : v.sep, text.indexOf(gap)) + 1, text.indexOf(gap)).replace(/^其中/u, '其中')}${gap}”缺少数字`]]);
    }
  });

  it('reports a count after a verb without its number (公开规范性文件件)', () => {
    for (const v of combos({ verb: ['公开', '制发', '印发', '发布'], end: ['，均已备案。', '。', '；'], year: ['2022年', '本年度'] })) {
      const text = `${v.year}${v.verb}规范性文件件${v.end}`;
      expect(
        lint(text, only).map((m) => m.message),
        text,
      ).toEqual([`“${v.year}${v.verb}规范性文件件”缺少数字`]);
    }
  });

  it('is silent on words that end in a unit, and on counts that have their number', () => {
    for (const t of [
      '2024年共受理申请20件，其中行政复议案件，均已办结；依法答复申请人，及时公开规范性文件，收到意见建议5条。',
      '2020年我局受理3件依申请件，均按规进行办结。',
      '本年度共发布信息12条，其中工作动态类信息条目已全部更新。',
      '2023年主动公开政府信息312条，其中工作动态类信息140条、通知公告类信息72条、政策文件100条。',
      '及时发布各类通知公告，更新政策文件，不断完善申请件的办理流程。',
    ]) {
      expect(lint(t, only), t).toEqual([]);
    }
  });
});

describe('the full real reports', () => {
  const full = ['2024-huaian-1.txt', '2025-shuyang-1.md', '2022-pingtan-1.txt', '2016-pingtan-1.txt'];

  it('every figure rule is silent on them (none has a defect in its figures)', () => {
    for (const f of full) expect(lint(corpusFile(`full/${f}`), RULES, f), f).toEqual([]);
  });

  describe('2024-huaian (hard-wrapped PDF text)', () => {
    const text = corpusFile('full/2024-huaian-1.txt');

    it('结果纠正 of 行政复议 (64) and of 行政诉讼 (5) are different counts', () => {
      const r = model(text);
      const a = r.figures.find((f) => f.value === 64 && f.core === '结果纠正')!;
      const b = r.figures.find((f) => f.value === 5 && f.core === '结果纠正')!;
      expect(metricKey(a)).toBe(metricKey(b));
      expect([topicOf(r, a), topicOf(r, b)]).toEqual(['review', 'litigation']);
      expect(lint(text, [conflictingFigures as Rule<unknown>])).toEqual([]);
    });

    it('with its lines joined, the two lists are read and add up', () => {
      const joined = text.replace(/([^。；\n])\n\n(?!- )/gu, '$1').replace(/\n- \d+ -\n/gu, '\n');
      const r = model(joined);
      const lists = r.breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)]);
      expect(lists).toContainEqual([351, [72, 64, 178, 37]]);
      expect(lists).toContainEqual([46, [25, 5, 9, 7]]);
      expect(lint(joined, RULES)).toEqual([]);
    });

    it('with its lines joined and the tables of its labels, every count in the prose is checked and agrees', () => {
      const joined = text.replace(/([^。；\n])\n\n(?!- )/gu, '$1').replace(/\n- \d+ -\n/gu, '\n');
      const prose = joined.slice(0, joined.indexOf('二、主动公开政府信息情况'));
      const tables = labelTables({ new: 3119, carried: 34, handled: 3050, forward: 103, t4: '72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20 |' });
      const doc = `${prose}\n${tables}\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n`;
      const r = model(doc);
      const named = r.figures.map((f) => [f.value, figureMetric(r, f)?.id]).filter((x) => x[1]);
      expect(named).toEqual([
        [3119, 'new'],
        [3050, 'results-total'],
        [34, 'carried-over'],
        [351, 'review'],
        [72, 'review-upheld'],
        [64, 'review-corrected'],
        [178, 'review-other'],
        [37, 'review-pending'],
        [46, 'litigation'],
        [25, 'litigation-upheld'],
        [5, 'litigation-corrected'],
        [9, 'litigation-other'],
        [7, 'litigation-pending'],
      ]);
      expect(lint(doc)).toEqual([]);
      // 行政诉讼's 结果纠正 is 4 + 1 in the table: a 6 in the prose is caught, as 行政诉讼's
      const wrong = lint(doc.replace('结果纠正 5 件', '结果纠正 6 件'), [proseTableMismatch as Rule<unknown>]);
      expect(wrong.map((m) => [m.expected, m.actual, m.message.replace(/^.*表格中/u, '')])).toEqual([[5, 6, '“行政诉讼结果纠正”为5']]);
    });

    it('a count split from its subject by the wrapping is still named (…答 / 复 3050 件)', () => {
      const r = model(text);
      const named = r.figures.map((f) => [f.value, figureMetric(r, f)?.id]).filter((x) => x[1]);
      expect(named).toEqual(expect.arrayContaining([[3119, 'new'], [3050, 'results-total']]));
      const w = model('2024 年，全市共受理政府信息公开申请\n\n3119 件，答复 3050 件。');
      expect(figureMetric(w, w.figures[0]!)?.id).toBe('new');
    });

    it('the same outcome under the same topic is still compared', () => {
      const t = '政府信息公开行政复议方面，结果维持4件，结果纠正6件。\n行政复议：结果纠正7件。\n行政诉讼方面，结果纠正2件。';
      expect(lint(t, [conflictingFigures as Rule<unknown>]).map((m) => [m.line, m.expected, m.actual, m.message.includes('第1行为6件')])).toEqual([[2, undefined, '7件', true]]);
    });
  });

  describe('2025-shuyang: 749 受理, 718 办理, 31 结转, 74 cases = 61 + 3 + 10', () => {
    const paragraph = corpusFile('full/2025-shuyang-1.md')
      .split('\n')
      .find((l) => l.includes('749'))!;
    const table3 = labelTables({ new: 713, carried: 36, handled: 718, forward: 31, t4: '27 | 10 | 9 | 15 | 61 | 3 | 0 | 0 | 0 | 3 | 8 | 0 | 1 | 1 | 10 |' });
    const report = (p: string, t3 = table3) => `沭阳县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n${p}\n${t3}\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n`;

    it('the four counts are named, the tables carry them, and they agree', () => {
      const r = model(report(paragraph));
      const tables = r.official.tables.filter(columnsSure);
      const checked = r.figures
        .map((f) => ({ f, m: figureMetric(r, f) }))
        .filter((x) => x.m)
        .map(({ f, m }) => [f.value, m!.id, tablesValue(tables, (t) => templateOf(t), m!.sum?.join('+') ?? m!.id)?.value]);
      expect(checked).toEqual([
        [749, 'new', 713],
        [718, 'results-total', 718],
        [31, 'carry-forward', 31],
        [74, 'review-and-litigation', 74],
      ]);
      // 749 = 713 new + 36 carried over
      expect(lint(report(paragraph))).toEqual([]);
    });

    it('a changed count is caught, in the prose or in the tables', () => {
      const only = [proseTableMismatch as Rule<unknown>];
      expect(lint(report(paragraph.replace('共办理 718 件', '共办理 719 件')), only).map((m) => [m.expected, m.actual])).toEqual([[718, 719]]);
      const t4 = table3.replace('| 3 | 0 | 0 | 0 | 3 |', '| 4 | 0 | 0 | 0 | 4 |');
      expect(lint(report(paragraph, t4), only).map((m) => [m.expected, m.actual])).toEqual([[75, 74]]);
      expect(lint(report(paragraph.replace('749 件', '750 件')), only).map((m) => [m.expected, m.actual])).toEqual([[713, 750]]);
    });
  });

  describe('2022-pingtan (the whole article on one line)', () => {
    const text = corpusFile('full/2022-pingtan-1.txt');

    it('75 requests = 72 from 自然人 + 3 from 商业企业 (a list after 涉及), and 75 = 74 new + 1 carried over', () => {
      const r = model(text);
      expect(r.breakdowns.map((b) => [b.total.value, b.marker, b.parts.map((p) => p.value)])).toContainEqual([75, '涉及', [72, 3]]);
      const f = r.figures.find((x) => x.value === 75)!;
      expect(figureMetric(r, f)?.id).toBe('new');
      expect(lint(text)).toEqual([]);
      expect(lint(text.replace('自然人72件', '自然人73件')).map((m) => [m.ruleId, m.expected, m.actual])).toEqual([['prose-sum', 76, 75]]);
    });

    it('涉及 opens a list only right after a count, not inside a clause (因涉及国家秘密)', () => {
      expect(model('2011年已答复564件，因涉及国家秘密不予公开13件。').breakdowns).toEqual([]);
      for (const v of combos({ sep: ['、', '，', '；'], unit: ['件', '条'], colon: ['', '：'] })) {
        const t = `全年收到申请20${v.unit}，涉及${v.colon}自然人15${v.unit}${v.sep}法人5${v.unit}。`;
        expect(
          model(t).breakdowns.map((b) => b.parts.map((p) => p.value)),
          t,
        ).toEqual([[15, 5]]);
      }
    });
  });

  describe('2016-pingtan (the whole article on one line)', () => {
    const text = corpusFile('full/2016-pingtan-1.txt');

    it('3460 = 1822 + 1638, the nine categories add up to 3460, both shares fit 3460', () => {
      const r = model(text);
      const lists = r.breakdowns.map((b) => [b.total.value, b.parts.reduce((a, p) => a + p.value, 0), b.parts.length]);
      expect(lists).toEqual([
        [3460, 3460, 2],
        [3460, 3460, 9],
      ]);
      expect(r.shares.map((s) => [s.percent.value, s.part?.value, s.candidates?.map((c) => c.value)])).toEqual([
        [53, 1822, [3460]],
        [47, 1638, [3460, 1822]],
      ]);
      expect(lint(text)).toEqual([]);
    });

    it('a changed category or share is caught', () => {
      expect(lint(text.replace('机构职能类信息612条', '机构职能类信息613条')).map((m) => [m.ruleId, m.expected, m.actual])).toEqual([['prose-sum', 3461, 3460]]);
      expect(lint(text.replace('1822条，占53%', '1822条，占55%')).map((m) => [m.ruleId, m.message])).toEqual([
        ['prose-percentage', '百分比与可能的总数都不符：1822÷3460=53%，文中为55%'],
      ]);
    });
  });
});

describe('a share whose words name a count of table 3 (占已办结申请的)', () => {
  it('is checked against that count', () => {
    for (const v of combos({ phrase: ['占已办结申请的', '占办结申请总数的', '占收到申请总数的', '占受理申请的'], sp: ['', ' '] })) {
      const ok = withRequests(`（二）依申请公开。其中予以公开${v.sp}7${v.sp}件，${v.phrase}53.8%。`);
      expect(lint(ok), v.phrase).toEqual([]);
      const bad = lint(withRequests(`（二）依申请公开。其中予以公开${v.sp}7${v.sp}件，${v.phrase}58.3%。`));
      expect(
        bad.map((m) => [m.ruleId, m.severity, m.message.startsWith('百分比与可能的总数都不符：7÷13=53.8%')]),
        v.phrase,
      ).toEqual([['prose-percentage', 1, true]]);
    }
  });

  it('the unchanged consistent report checks its 53.8% of the requests handled', () => {
    expect(lint(consistent)).toEqual([]);
    expect(lint(consistent.replace('占已办结申请的53.8%', '占已办结申请的63.8%')).map((m) => m.message)).toEqual([
      '百分比与可能的总数都不符：7÷13=53.8%，文中为63.8%',
    ]);
  });
});

describe('messages and hostile text', () => {
  it('speaks English with locale en', () => {
    const en = (text: string, rule: Rule<unknown>) => lintText(text, 'x.txt', { rules: [rule], locale: 'en' }).messages.map((m) => m.message);
    expect(en('2021年共受理申请600件，办结573件。其中予以公开59件，占11.3%。', prosePercentage as Rule<unknown>)).toEqual([
      'the percentage fits none of the wholes it may be of: 59 ÷ 600 = 9.8%, 59 ÷ 573 = 10.3%; the text says 11.3%',
    ]);
    expect(en('2023年主动公开政府信息40条，其中工作动态类信息条，其他信息3条。', missingFigure as Rule<unknown>)).toEqual(['the number is missing in “其中工作动态类信息条”']);
  });

  it('long runs of the new patterns give diagnostics, never an exception', () => {
    // a few hundred repetitions catch a pattern that backtracks without end; thousands (test:fuzz) one that slows down with the square
    const [long, longer] = [runs(200, 2000), runs(300, 3000)];
    expect(lint('共受理申请600件，' + '予以公开1件，占1%，'.repeat(longer), [prosePercentage as Rule<unknown>])).toHaveLength(longer);
    expect(lint('信息条，'.repeat(longer) + '共1件。', [missingFigure as Rule<unknown>])).toHaveLength(longer);
    expect(lint('主动公开信息10条。' + '上述信息中，'.repeat(long) + '工作动态1条。')).toEqual([]);
    expect(lint('行政复议\n\n'.repeat(long) + '结果纠正1件。\n行政复议结果纠正2件。').map((m) => [m.ruleId, m.actual, /为1件，此处为2件/.test(m.message)])).toEqual([['conflicting-figures', '2件', true]]);
    // the same outcome joined to itself is not a sum of rows
    const self = model('予以公开和'.repeat(long) + '部分公开共8件。');
    expect(figureMetric(self, self.figures[0]!)?.sum).toBeUndefined();
  });
});

describe('hard-wrapped text with page numbers between the lines', () => {
  it('a subject and a topic are followed across a page number', () => {
    for (const page of ['- 2 -', '— 6 —', '－ 3 －', '第 4 页']) {
      const r = model(`政府信息公开行政复议 10 件，其中结果维持 4 件，结果纠正\n\n${page}\n\n6 件。`);
      const f = r.figures.find((x) => x.value === 6)!;
      expect([f.core, topicOf(r, f)], page).toEqual(['结果纠正', 'review']);
    }
  });
});

describe('a count of the table beside other counts in its sentence: last year’s, differences, rates, breakdowns', () => {
  // the consistent report's tables: 13 new, 1 carried over, 7 disclosed, 1 partly, 1 refused, 3 unavailable, 1 not processed
  it.each([
    '本年度新收政府信息公开申请13件，比上年增加3件，同比增长30%。',
    '本年度新收政府信息公开申请13件，较上年减少2件。',
    '2023年共受理政府信息公开申请13件（2022年为10件）。',
    '本年度新收申请13件，上年结转1件，共计14件，已全部办结13件，结转下年度1件。',
    '新收政府信息公开申请13件，其中通过网络申请9件、信函申请4件。',
    '本年度共收到申请13件，与去年的10件相比有所增加。',
    '全年共办理政府信息公开申请14件，其中新收13件、上年结转1件。',
    '本年度新收政府信息公开申请13件，自2019年以来累计收到申请56件。',
    '本年度新收政府信息公开申请13件，平均办理时间为7个工作日。',
    '本年度新收政府信息公开申请13件，涉及12个领域，由12名申请人提出。',
    '上年度收到申请10件，本年度新收政府信息公开申请13件。',
    '上一年度收到申请10件，本年度新收政府信息公开申请13件。',
    '本年度新收政府信息公开申请13件，其中予以公开7件，部分公开1件，不予公开1件，无法提供3件，不予处理1件。',
    '本年度新收政府信息公开申请13件，其中涉及征地拆迁类5件、规划类3件、其他类5件。',
    '本年度新收政府信息公开申请13件，上年度结转政府信息公开申请1件。',
    '本年度新收政府信息公开申请13件，上一年度结转1件。',
  ])('%s', (s) => {
    expect(lint(withRequests(`（二）依申请公开。${s}`)).filter((m) => m.severity === 2)).toEqual([]);
  });

  it('the count carried over from last year is still this report’s, however 上年 is written', () => {
    for (const s of ['上年度结转政府信息公开申请2件', '上一年度结转2件', '上年结转申请2件']) {
      const found = lint(withRequests(`（二）依申请公开。本年度新收政府信息公开申请13件，${s}。`)).filter((m) => m.severity === 2);
      expect(found.map((m) => [m.ruleId, m.expected, m.actual])).toEqual([['prose-table-mismatch', 1, 2]]);
    }
  });
});

describe('counts of other matters, and a whole given with its part of the table’s kind', () => {
  const LINE = consistent.split('\n').find((l) => l.startsWith('（五）监督保障。'))!;
  const errorsWith = (s: string) => lint(consistent.replace(LINE, `（五）监督保障。${s}`)).filter((m) => m.severity === 2);
  it.each([
    '本年度发生政府信息公开行政复议1件，结果维持1件；行政诉讼1件，为复议后起诉，结果维持。',
    '全年共发生政府信息公开行政复议案件1件、行政诉讼案件1件，均未被纠错。',
    '本年度因政府信息公开被申请行政复议1件，被提起行政诉讼1件。',
    '本年度办理人大代表建议12件、政协提案8件，均按时办结。',
    '全年接听群众咨询电话120个，回复网上留言35条。',
    '本年度举办新闻发布会3场，发布政策解读稿件15篇。',
    '全年制发行政规范性文件2件，废止1件，现行有效15件。',
    '全年通过政务新媒体发布信息1200条，其中微信公众号800条、微博400条。',
    '全年共收到行政复议申请3件（含非政府信息公开类），其中政府信息公开类1件。',
    '全年共收到各类申请20件（含咨询类），其中政府信息公开申请13件。',
  ])('%s', (s) => {
    expect(errorsWith(s)).toEqual([]);
  });
  it('a whole whose parts do not give the table’s count is still compared', () => {
    expect(errorsWith('全年新收政府信息公开申请15件，其中当面申请2件。').map((m) => [m.ruleId, m.actual])).toEqual([['prose-table-mismatch', 15]]);
    expect(errorsWith('全年共发生政府信息公开行政复议3件，其中结果维持1件。').map((m) => [m.ruleId, m.actual])).toEqual([['prose-table-mismatch', 3]]);
  });
  it('a part that names a kind of applicant is a share of the count, even when it equals the table’s count', () => {
    expect(errorsWith('全年共收到政府信息公开申请15件，其中自然人申请13件。').map((m) => [m.ruleId, m.actual])).toEqual([['prose-table-mismatch', 15]]);
    expect(errorsWith('全年共收到政府信息公开申请15件，其中法人或其他组织申请13件、自然人申请2件。').map((m) => [m.ruleId, m.actual])).toEqual([['prose-table-mismatch', 15]]);
  });
});
