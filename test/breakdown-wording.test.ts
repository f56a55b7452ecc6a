import { describe, it, expect } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Rule } from '../src/rules/types.js';
import type { Report } from '../src/model/types.js';
import proseSum from '../rules/prose-sum.js';
import { vocabulary } from '../src/config/vocabulary.js';
import { breakdownWording, compileBreakdownWording, type BreakdownVocabulary } from '../src/model/figures/breakdowns.js';

/** Breakdowns are read from the wording data: every marker, in sentences of several forms. */

function model(text: string): Report {
  return modelDocument(readBuffer(Buffer.from(text, 'utf8'), 'report.txt')).report;
}

function lists(text: string): [number, number[]][] {
  return model(text).breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)]);
}

function sums(text: string): [number | undefined, unknown][] {
  return lintText(text, 'report.txt', { rules: [proseSum as Rule<unknown>] }).messages.map((m) => [m.expected as number, m.actual]);
}

function combos<T extends Record<string, readonly unknown[]>>(choices: T): { [K in keyof T]: T[K][number] }[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [k, vs] of Object.entries(choices)) out = out.flatMap((o) => vs.map((v) => ({ ...o, [k]: v })));
  return out as { [K in keyof T]: T[K][number] }[];
}

/** What is counted, with its verb and unit, and the names of three parts. */
const SUBJECTS = [
  { head: '本年度主动公开政府信息', unit: '条', parts: ['工作动态', '通知公告', '政策文件'] },
  { head: '全年共发布各类信息', unit: '篇', parts: ['机关要闻', '业务动态', '公示公告'] },
  { head: '2022年共受理政府信息公开申请', unit: '件', parts: ['当面申请', '网络申请', '信函申请'] },
  { head: '本年共收到依申请公开事项', unit: '项', parts: ['自然人申请', '企业申请', '其他组织申请'] },
];

/** The markers of the built-in data, each with the punctuation that may follow it. */
const MARKERS = ['其中', '其中，', '其中：', '其中包括：', '其中，主要包括', '包括', '包括：', '主要包括：', '具体包括', '分别为', '分别是：', '主要有', '主要有：', '具体为', '具体如下：'];

describe('breakdown markers (src/vocabulary/breakdowns.json)', () => {
  const variants = combos({ subject: SUBJECTS, marker: MARKERS, sep: ['，', '；', '、'], counts: [[12, 30, 58], [1, 2, 3]] });

  it.each(MARKERS)('“%s” opens a list: total and parts read, silent when they add up, the difference when not', (marker) => {
    for (const v of variants.filter((x) => x.marker === marker)) {
      const [a, b, c] = v.counts as number[];
      const total = a! + b! + c!;
      const { head, unit, parts } = v.subject;
      const text = (t: number) => `${head}${t}${unit}，${v.marker}${parts[0]}${a}${unit}${v.sep}${parts[1]}${b}${unit}${v.sep}${parts[2]}${c}${unit}。`;
      expect(lists(text(total)), text(total)).toEqual([[total, [a, b, c]]]);
      expect(sums(text(total)), text(total)).toEqual([]);
      // parts that exceed their total are always reported, with the sum expected
      expect(sums(text(total - 1)), text(total - 1)).toEqual([[total, total - 1]]);
    }
  });

  it('a marker after the sentence of its total (…58条。其中，…)', () => {
    for (const v of combos({ marker: ['其中', '其中，', '其中包括：', '具体如下：'], unit: ['条', '件'], end: ['。', '！'] })) {
      const text = `本年主动公开信息58${v.unit}${v.end}${v.marker}工作动态20${v.unit}，通知公告38${v.unit}。`;
      expect(lists(text), text).toEqual([[58, [20, 38]]]);
    }
  });

  it('涉及 opens a list only right after a count', () => {
    for (const v of combos({ unit: ['件', '条', '项'], colon: ['', '：'], sep: ['、', '，'] })) {
      const text = `全年收到申请20${v.unit}，涉及${v.colon}自然人15${v.unit}${v.sep}法人5${v.unit}。`;
      expect(lists(text), text).toEqual([[20, [15, 5]]]);
    }
    expect(lists('2011年已答复564件，因涉及国家秘密不予公开13件，因涉及商业秘密不予公开2件。')).toEqual([]);
  });

  it('X的类别有： and 按类别分，', () => {
    for (const v of combos({
      intro: ['主动公开信息的主要类别有：', '公开信息的类型为：', '公开信息的种类包括：', '按信息类别分，', '从公开内容看，', '按类别划分：'],
      unit: ['条', '篇'],
    })) {
      const text = `本年主动公开政府信息90${v.unit}。${v.intro}工作动态40${v.unit}，政策文件50${v.unit}。`;
      expect(lists(text), text).toEqual([[90, [40, 50]]]);
    }
  });

  it('words that open no list: a clause of 中 about no count, a share of something named', () => {
    expect(lists('2021年主动公开信息20条。工作中，我们开展培训3次，发放资料200份。')).toEqual([]);
    expect(lists('全年公开信息100条，发布解读材料12篇。')).toEqual([]);
  });

  it('the list says when it is not complete (等, 其他, 另)', () => {
    for (const open of ['等', '等内容', '及其他信息']) {
      const text = `本年主动公开政府信息100条，其中工作动态40条，政策文件50条${open}。`;
      const b = model(text).breakdowns;
      expect(b.map((x) => x.open), text).toEqual([true]);
      expect(sums(text), text).toEqual([]);
    }
  });

  it('the wording is compiled once, and the compiled expressions follow the data', () => {
    expect(breakdownWording()).toBe(breakdownWording());
    const data = vocabulary<BreakdownVocabulary>('breakdowns');
    const w = compileBreakdownWording(data);
    for (const m of ['其中', '包括：', '分别为', '主要有', '具体如下：']) expect(m.match(w.marker)?.[0], m).toBe(m);
    // a clause that is only a marker
    for (const m of ['其中', '主要包括', '包含', '如下', '分别是']) expect(w.markerOnly.test(m), m).toBe(true);
    expect(w.markerOnly.test('工作动态')).toBe(false);
    // shares that name nothing but the whole, and wholes wider than the report's
    for (const p of ['占', '占比', '占总数的', '占全部申请的比例为', '占其比重约']) expect(w.unnamedWhole.test(p), p).toBe(true);
    for (const p of ['占全市', '占行政许可的', '占上年']) expect(w.unnamedWhole.test(p), p).toBe(false);
    for (const p of ['占全市总数的', '占本省总量']) expect(w.widerScope.test(p), p).toBe(true);
  });
});

describe('a breakdown introduced by a subject in the next sentence', () => {
  const HEADS: [string, string, string][] = [
    ['本年度主动公开政府信息312条。', '主动公开的信息中，', '条'],
    ['全年共发布各类信息312条。', '发布的信息中，', '条'],
    ['2022年共受理政府信息公开申请312件。', '受理的申请中，', '件'],
    ['2022年共收到政府信息公开申请312件。', '在收到的申请中，', '件'],
    ['2022年共收到政府信息公开申请312件。', '上述申请中，', '件'],
    ['本年度主动公开政府信息312条。', '从公开内容看，', '条'],
    ['本年度主动公开政府信息312条。', '主动公开信息的类别主要有：', '条'],
    ['本年度主动公开政府信息 312 条。', '主动公开的政府信息中：', '条'],
  ];
  const variants = combos({ head: HEADS, sep: ['，', '、', '；'] });

  it('the parts are of the count in the sentence before: silent when they add up, the sum when not', () => {
    for (const { head, sep } of variants) {
      const [h, intro, u] = head;
      const text = (a: number) => `${h}${intro}甲类${a}${u}${sep}乙类72${u}${sep}丙类100${u}。`;
      expect(lists(text(140)), text(140)).toEqual([[312, [140, 72, 100]]]);
      expect(sums(text(140)), text(140)).toEqual([]);
      expect(sums(text(150)), text(150)).toEqual([[322, 312]]);
    }
  });
});

describe('a list item whose number is missing (工作动态类信息条)', () => {
  const gaps = (text: string) =>
    lintText(text, 'report.txt')
      .messages.filter((m) => m.ruleId === 'missing-figure')
      .map((m) => text.slice(m.column - 1, m.endColumn - 1));

  it('is reported at the place of the number, in lists of every form', () => {
    const FORMS = [
      (gap: string, u: string) => `本年度主动公开政府信息40${u}。主动公开的信息中，${gap}，通知公告类信息12${u}，政策文件28${u}。`,
      (gap: string, u: string) => `2024年主动公开政府信息40${u}（${gap}、通知公告类信息12${u}、政策文件28${u}）。`,
      (gap: string, u: string) => `2024年主动公开政府信息40${u}，其中：${gap}；通知公告类信息12${u}；政策文件28${u}。`,
      (gap: string, u: string) => `2024年主动公开政府信息40${u}，其中通知公告类信息12${u}，${gap}，政策文件28${u}。`,
    ];
    for (const v of combos({ form: FORMS, name: ['工作动态类信息', '通知公告', '政策解读'], unit: ['条', '篇'], space: ['', ' '] })) {
      const gap = `${v.name}${v.space}${v.unit}`;
      const text = v.form(gap, v.unit);
      expect(gaps(text), text).toEqual([`${v.space}${v.unit}`]);
    }
  });
});

describe('a part whose own list opens the next clause with its marker', () => {
  const markers = ['包括', '其中', '主要包括', '具体包括'];
  it.each(markers)('共356条，其中重点领域信息200条，%s…: the list is the part’s', (marker) => {
    const text = `全年主动公开政府信息356条，其中重点领域信息200条，${marker}财政预决算50条、重大建设项目150条，其他信息156条。`;
    expect(lists(text)).toEqual([
      [356, [200, 156]],
      [200, [50, 150]],
    ]);
    expect(sums(text)).toEqual([]);
  });
  it.each([
    '全年主动公开政府信息356条，其中政策文件15件、工作动态298条等。',
    '全年主动公开政府信息356条，主要包括政策文件15件、工作动态298条。',
    '全年主动公开政府信息356条，其中政策文件15件，占4.2%；工作动态298条，占83.7%；通知公告43条，占12.1%。',
    '全年主动公开政府信息356条。其中，政策文件15件、工作动态298条、通知公告43条。',
    '全年主动公开政府信息356条，其中通过政务微博发布120条、政务微信发布200条（同一信息多渠道发布）。',
    '全年主动公开政府信息356条，其中本级公开300条，下属单位公开56条。',
  ])('and the lists around it still read as before: %s', (text) => {
    expect(sums(text)).toEqual([]);
  });

  it('a wrong sum of the part’s list is found, and the whole’s is not misread', () => {
    const text = '全年主动公开政府信息356条，其中重点领域信息200条，包括财政预决算50条、重大建设项目160条，其他信息156条。';
    // (the sum of the parts expected, the total as written)
    expect(sums(text)).toEqual([[210, 200]]);
  });
});
