import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { Section } from '../src/model/types.js';
import { matchSections } from '../src/model/section-match.js';
import { sectionExtent } from '../src/model/completeness.js';
import { measuresWording } from '../src/model/plans.js';

/**
 * A warning: whether the text "states measures" is read from its words, and a report may set
 * out its measures under another heading.
 */
export default defineRule<Record<string, never>>({
  id: 'improvement-measures',
  description: {
    zh: '第五部分列出问题的，应写明改进措施；2021年版格式还应说明上一年度问题的整改情况',
    en: 'Section 5 names improvement measures for the problems it lists; in the 2021 format it also says how last year’s problems were fixed',
  },
  severity: 'warning',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    noMeasures: {
      zh: '“{title}”列出了存在的问题，但没有写明改进措施',
      en: '“{title}” lists problems but states no improvement measures',
    },
    noLastYear: {
      zh: '“{title}”未说明上一年度（{last}年）存在问题的整改情况',
      en: '“{title}” does not say how last year’s ({last}) problems were fixed',
    },
  },
  examples: {
    valid: [
      {
        title: '列出问题并写明改进措施和上年问题整改情况',
        text: `某某局2021年政府信息公开工作年度报告
五、存在的主要问题及改进情况
上年度存在的栏目更新不及时问题已完成整改。本年度仍存在公开内容不够全面的问题。下一步，我局将加强培训。
六、其他需要报告的事项
本年度未收取信息处理费。`,
        expected: [],
      },
      {
        title: '问题与措施分列两部分（四、存在的主要问题；五、下步工作打算）',
        text: `某某局2016年政府信息公开工作年度报告
四、存在的主要问题
公开形式的广泛性不够。
五、下步工作打算
完善信息公开目录。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '只列问题，未写改进措施',
        text: `某某局2016年政府信息公开工作年度报告
五、存在的主要问题及改进情况
一是公开内容不够全面。二是栏目更新不及时。
六、其他需要报告的事项
无。`,
        expected: [{ line: 2, column: 1, endLine: 2, endColumn: 15, message: '“存在的主要问题及改进情况”列出了存在的问题，但没有写明改进措施' }],
      },
      {
        title: '2021年版格式：未说明上一年度问题的整改情况',
        text: `某某局2022年政府信息公开工作年度报告
五、存在的主要问题及改进情况
本年度存在公开内容不够全面的问题。下一步，我局将加强培训。
六、其他需要报告的事项
本年度未收取信息处理费。`,
        expected: [{ line: 2, column: 1, endLine: 2, endColumn: 15, message: '“存在的主要问题及改进情况”未说明上一年度（2021年）存在问题的整改情况' }],
      },
    ],
  },
  check({ report, profile, emit }) {
    const spec = profile.sections.find((s) => s.id === 'problems');
    if (!spec) return;
    const section = matchSections(report, [spec])[0]?.section;
    if (!section) return; // a missing section is required-sections' finding
    const ext = sectionExtent(report, section);
    if (!ext.closedBy) return; // the text may stop before the measures
    const text = ext.blocks.map((b) => b.text.text).join('\n');
    const w = measuresWording();
    if (!w.problem.test(text)) return;
    // measures may stand in the next part when it is a plan (五、下步工作打算)
    const top = report.sections.indexOf(section);
    const next: Section | undefined = top >= 0 ? report.sections[top + 1] : undefined;
    const planNext = next && w.planHeading.test(next.title);
    const measured = w.measure.test(text) || planNext;
    if (!measured) {
      emit({ messageId: 'noMeasures', data: { title: section.title }, range: section.heading.range });
      return;
    }
    const year = report.year?.value;
    if (report.generation === 'format-2021' && year !== undefined) {
      const last = year - 1;
      const lastYear = new RegExp(`${w.lastYear.source}|${last}年`, 'u');
      const sentences = text.split(/[。；;\n]/);
      if (!sentences.some((s) => lastYear.test(s) && w.fixed.test(s))) {
        emit({ messageId: 'noLastYear', data: { title: section.title, last }, range: section.heading.range });
      }
    }
  },
});
