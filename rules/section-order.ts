import { defineRule } from '../src/rules/types.js';
import { PARTS_2021, reportText } from '../src/rules/example-texts.js';
import { sectionMatches } from '../src/rules/section-matches.js';

/** Indices of a longest strictly increasing subsequence of `xs`. */
function longestIncreasing(xs: number[]): Set<number> {
  const n = xs.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (xs[j]! < xs[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[best]!) best = i;
  const keep = new Set<number>();
  for (let i = n ? best : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

export default defineRule<Record<string, never>>({
  id: 'section-order',
  description: {
    zh: '必备部分须按格式规定的顺序排列',
    en: 'Required sections appear in the order the format sets',
  },
  severity: 'error',
  // the 2008 regulation lists contents, not an order of headings
  generations: ['format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    outOfOrder: {
      zh: '“{heading}”位置不对：按格式它是第{order}部分（{title}），应排在“{after}”之后',
      en: '“{heading}” is out of order: the format makes it part {order} ({title}), after “{after}”',
    },
    outOfOrderFirst: {
      zh: '“{heading}”位置不对：按格式它是第{order}部分（{title}），应排在“{before}”之前',
      en: '“{heading}” is out of order: the format makes it part {order} ({title}), before “{before}”',
    },
  },
  examples: {
    valid: [
      {
        title: '六个部分按顺序排列',
        text: reportText(PARTS_2021),
        expected: [],
      },
    ],
    invalid: [
      {
        title: '第五部分与第四部分颠倒',
        text: reportText([
          PARTS_2021[0]!,
          PARTS_2021[1]!,
          PARTS_2021[2]!,
          ['四、存在的主要问题及改进情况', PARTS_2021[4]![1]],
          ['五、政府信息公开行政复议、行政诉讼情况', PARTS_2021[3]![1]],
          PARTS_2021[5]!,
        ]),
        expected: [
          {
            line: 10,
            column: 1,
            endLine: 10,
            endColumn: 20,
            message: '“五、政府信息公开行政复议、行政诉讼情况”位置不对：按格式它是第4部分（政府信息公开行政复议、行政诉讼情况），应排在“三、收到和处理政府信息公开申请情况”之后',
          },
        ],
      },
      {
        title: '“总体情况”排在第三，编号却连续',
        text: reportText([
          ['一、主动公开政府信息情况', PARTS_2021[1]![1]],
          ['二、收到和处理政府信息公开申请情况', PARTS_2021[2]![1]],
          ['三、总体情况', PARTS_2021[0]![1]],
          ...PARTS_2021.slice(3),
        ]),
        expected: [
          { line: 6, column: 1, endLine: 6, endColumn: 7, message: '“三、总体情况”位置不对：按格式它是第1部分（总体情况），应排在“一、主动公开政府信息情况”之前' },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    const found = sectionMatches(report, profile.sections)
      .filter((m) => m.section && m.section.level === 1)
      .sort((a, b) => a.section!.range.start - b.section!.range.start);
    // a part that stands for two (merged) is counted once
    const seen = new Set<unknown>();
    const list = found.filter((m) => (seen.has(m.section) ? false : (seen.add(m.section), true)));
    const keep = longestIncreasing(list.map((m) => m.spec.order));
    list.forEach((m, i) => {
      if (keep.has(i)) return;
      const kept = list.filter((_, k) => keep.has(k));
      const before = kept.filter((k) => k.spec.order < m.spec.order).pop();
      const after = kept.find((k) => k.spec.order > m.spec.order);
      const heading = (x: typeof m) => x.section!.heading.text.text.trim();
      const data = { heading: heading(m), title: m.spec.title.replace(/^[一二三四五六七八九十]+、/, ''), order: m.spec.order };
      emit(
        before
          ? { messageId: 'outOfOrder', data: { ...data, after: heading(before) }, range: m.section!.heading.range }
          : { messageId: 'outOfOrderFirst', data: { ...data, before: after ? heading(after) : '' }, range: m.section!.heading.range },
      );
    });
  },
});
