import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { targetDates } from '../src/model/hygiene.js';
import { formatDate } from '../src/model/dates.js';
import { datedMeasures } from '../src/model/plans.js';

/**
 * A warning: a plan date before the report year usually means text carried over from an old
 * report, but a report may also recall what an earlier plan aimed at.
 */
export default defineRule<Record<string, never>>({
  id: 'stale-date',
  description: {
    zh: '计划或目标日期不应早于报告年度（如多年后的年报仍写“争取到2011年底”），常见于照抄往年文稿',
    en: 'Plan and target dates are not earlier than the report year (争取到2011年底 years later), a sign of text copied from an old report',
  },
  severity: 'warning',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    beforeYear: {
      zh: '计划或目标日期“{actual}”早于报告年度（{year}年），可能沿用了往年文稿',
      en: 'the plan or target date “{actual}” is before the report year ({year}); the text may be carried over from an old report',
    },
    beforePublished: {
      zh: '计划或目标日期“{actual}”早于报告所属年度：报告发布于{published}，通常是{year}年度的年报，可能沿用了往年文稿',
      en: 'the plan or target date “{actual}” is before the year the report covers: it was published on {published}, so it normally covers {year}; the text may be carried over from an old report',
    },
    measuresInPast: {
      zh: '今后的措施注明为“{actual}”，不晚于报告年度（{year}年）：应为“{expected}”',
      en: 'measures still to be taken are dated “{actual}”, not after the report year ({year}): “{expected}” is meant',
    },
  },
  examples: {
    valid: [
      {
        title: '目标日期在报告年度及以后；按原计划完成的回顾',
        text: `2016年政府信息公开工作年度报告
争取到2017年底实现部门网站全覆盖，力争2016年底前完成目录编制。按计划于2015年完成平台建设。`,
        expected: [],
      },
      {
        title: '下一年度的改进措施；报告年度内已做的事（将…纳入考核）',
        text: `某某区2016年政府信息公开工作年度报告
2016年，我区将政府信息公开工作纳入绩效考核。2017年，我们将采取以下措施加以改进：继续强化信息公开责任。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '2016年度的年报写“争取到2011年底”',
        text: `2016年政府信息公开工作年度报告
进一步完善电子政务公开平台。争取到2011年底，所有政府主要部门的网络实现互联。`,
        expected: [
          { line: 2, column: 18, endLine: 2, endColumn: 24, message: '计划或目标日期“2011年底”早于报告年度（2016年），可能沿用了往年文稿', actual: '2011年底' },
        ],
      },
      {
        title: '年度不明时与发布日期比较',
        text: `政务资讯工作年报
时间:2022-07-07
争取到2011年底，所有政府主要部门的网络实现互联。`,
        expected: [
          { line: 3, column: 4, endLine: 3, endColumn: 10, message: '计划或目标日期“2011年底”早于报告所属年度：报告发布于2022年7月7日，通常是2021年度的年报，可能沿用了往年文稿', actual: '2011年底' },
        ],
      },
      {
        title: '2016年度的年报写“2016年，我们将采取以下措施”：措施应在下一年度',
        text: `某某区2016年政府信息公开工作年度报告
六、主要问题和改进措施
信息公开更新不够及时。2016年，我们将采取以下措施加以改进：继续强化信息公开责任。`,
        expected: [
          {
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 17,
            message: '今后的措施注明为“2016年”，不晚于报告年度（2016年）：应为“2017年”',
            expected: '2017年',
            actual: '2016年',
          },
        ],
      },
    ],
  },
  check({ report, emit }) {
    const year = report.year?.value;
    // measures a report announces (2016年，我们将采取以下措施) belong to a year after the one it covers
    if (year !== undefined) {
      for (const d of datedMeasures(report)) {
        if (d.year > year) continue;
        const expected = `${year + 1}年`;
        emit({ messageId: 'measuresInPast', data: { actual: d.text, year, expected }, range: d.range, expected, actual: d.text });
      }
    }
    // without a report year, the report covers at the latest the year before its publication
    const published = report.signOff?.date.year;
    const ref = year ?? (published !== undefined ? published - 1 : undefined);
    if (ref === undefined) return;
    for (const t of targetDates(report)) {
      if (t.year >= ref) continue;
      if (year !== undefined) {
        // what the sentence should say is not known (a later date, or a past tense): no expected value
        emit({ messageId: 'beforeYear', data: { actual: t.date.text, year }, range: t.date.range, actual: t.date.text });
      } else {
        emit({ messageId: 'beforePublished', data: { actual: t.date.text, published: formatDate(report.signOff!.date), year: ref }, range: t.date.range, actual: t.date.text });
      }
    }
  },
});
