import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { Figure } from '../src/model/figures/types.js';
import { aboutReportYear, conflicting, metricKey, partOwners, scopeOf, topicOf } from '../src/model/figures/metrics.js';
import type { Report } from '../src/model/types.js';

type Options = Record<string, never>;

/** The figure written next after `f` in its sentence, in the following clause. */
function nextInSentence(report: Report, f: Figure): Figure | undefined {
  const n = report.figures[f.index + 1];
  return n && n.block === f.block && n.sentence === f.sentence && n.clause === f.clause + 1 ? n : undefined;
}

export default defineRule<Options>({
  id: 'conflicting-figures',
  description: {
    zh: '同一数字在正文中出现两次而数值不同（如前文“政务公文79件”、后文“政务公文80件”）',
    en: 'The same count stated twice in the text with different values',
  },
  // Precision: two figures are taken for the same count when the words after their verb agree
  // (公开政务公文79件 / 公开政务公文80件); the text around them may still give them different
  // scopes that words alone do not show, so this is a warning.
  severity: 'warning',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    conflict: {
      zh: '“{what}”前后数字不一致：{where}为{first}，此处为{second}',
      en: '“{what}” is given twice with different values: {first} on {whereEn}, {second} here',
    },
    conflictApprox: {
      zh: '“{what}”前后数字不一致：{where}为{first}，此处为{second}（虽为约数，范围也不重合）',
      en: '“{what}” is given twice with different values: {first} on {whereEn}, {second} here (approximate, but the ranges do not overlap)',
    },
  },
  examples: {
    valid: [
      {
        title: '同一数字前后一致；约数与落在其范围内的数字不矛盾',
        text: `2016年，全年共发布政务微博55条，通过两微平台报送信息130余条。
截至2016年底，发布政务微博55条，通过两微平台报送信息136条。`,
        expected: [],
      },
      {
        title: '不同年份或同比的数字不比较',
        text: `2020年，我局受理行政复议案件3件。
2019年受理行政复议案件5件，同比减少2件。`,
        expected: [],
      },
      {
        title: '同样的措辞在不同主题下（行政复议、行政诉讼的“结果纠正”）是不同的数字',
        text: `2022年，政府信息公开行政复议方面，结果维持3件，结果纠正2件。
政府信息公开行政诉讼方面，结果维持1件，结果纠正1件。`,
        expected: [],
      },
      {
        title: '不同渠道的分项不与总数比较',
        text: '2020年街道主动公开政府信息共计231条。其中，通过网站主动公开政府信息166条；通过政务微信公开17条。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '同一句话前后重复，数字不同（79件/80件，2400余条/1800余条）',
        text: `市经信委2016年度政务信息公开工作报告
截至2016年底，利用市政府政务公开网、市经信委网站公开政务公文79件，各类信息2400余条。
截至2016年底，利用市政府信息公开网、经信委官网等政务公开平台公开政务公文80件，各类信息1800余条。`,
        expected: [
          {
            line: 3,
            column: 39,
            endLine: 3,
            endColumn: 42,
            message: '“政务公文”前后数字不一致：第2行为79件，此处为80件',
            actual: '80件',
          },
          {
            line: 3,
            column: 47,
            endLine: 3,
            endColumn: 53,
            message: '“各类信息”前后数字不一致：第2行为2400余条，此处为1800余条（虽为约数，范围也不重合）',
            actual: '1800余条',
          },
        ],
      },
    ],
  },
  check({ report, emit, place }) {
    const src = report.doc.text;
    const raw = (f: Figure): string => src.slice(f.range.start, f.range.end);
    /** by key: the first figure stated under each topic (undefined: no topic word) */
    const first = new Map<string, { f: Figure; topic: string | undefined }[]>();
    const reported = new Set<Figure>();
    const report1 = (a: Figure, b: Figure, what: string): void => {
      if (reported.has(b)) return;
      reported.add(b);
      emit({
        messageId: a.approx || b.approx ? 'conflictApprox' : 'conflict',
        data: { what, where: place(a.range.start).zh, whereEn: place(a.range.start).en, first: raw(a), second: raw(b) },
        range: b.range,
        // which of the two is right the text does not tell: no expected value
        actual: raw(b),
      });
    };
    const owners = partOwners(report.breakdowns);
    for (const f of report.figures) {
      if (f.unitClass === 'percent' || f.unitClass === 'points' || f.unitClass === 'none') continue;
      const key = metricKey(f);
      if (!key || !aboutReportYear(report, f)) continue;
      const k = `${scopeOf(f, owners)}#${key}`;
      // the same words under different topics are different counts (结果纠正 of 行政复议 and of 行政诉讼)
      const topic = topicOf(report, f);
      const seen = first.get(k) ?? [];
      if (!seen.some((x) => x.topic === topic)) first.set(k, [...seen, { f, topic }]);
      const a = seen.find((x) => x.topic === undefined || topic === undefined || x.topic === topic)?.f;
      if (!a) continue;
      if (a.block === f.block && a.sentence === f.sentence) continue;
      if (!conflicting(a, f)) continue;
      report1(a, f, key.split('|')[0]!);
      // a restated sentence: the figure after each, under the same words, is compared too
      // (公开政务公文79件，各类信息2400余条 / 公开政务公文80件，各类信息1800余条)
      const na = nextInSentence(report, a);
      const nb = nextInSentence(report, f);
      if (na && nb && na.core && na.core === nb.core && na.unitClass === nb.unitClass && conflicting(na, nb)) report1(na, nb, na.core);
    }
  },
});
