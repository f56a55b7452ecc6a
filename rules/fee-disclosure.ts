import { defineRule } from '../src/rules/types.js';
import { matchSections } from '../src/model/section-match.js';
import { sectionExtent } from '../src/model/completeness.js';
import { proseBlocks } from '../src/model/hygiene.js';

/** Words that show fees are reported on (收取信息处理费0元, 未收取任何费用, 无收费). */
const FEE_WORDS = /(信息处理费|处理费|收费|收取[^。；]{0,8}费|费用)/;

/**
 * A warning: the 2021 format asks for the information-processing fees in section 六, but some
 * reports state them elsewhere, and a body that charged nothing may see nothing to report.
 */
export default defineRule<Record<string, never>>({
  id: 'fee-disclosure',
  description: {
    zh: '2021年版格式：第六部分应说明信息处理费的收取情况（未收取也应写明）',
    en: '2021 format: section 6 states the information-processing fees charged (or that none were)',
  },
  severity: 'warning',
  generations: ['format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    silent: {
      zh: '第六部分“{title}”未说明信息处理费的收取情况（未收取也应写明）',
      en: 'section 6 “{title}” says nothing about information-processing fees (not even that none were charged)',
    },
  },
  examples: {
    valid: [
      {
        title: '第六部分写明未收取信息处理费',
        text: `某某局2021年政府信息公开工作年度报告
五、存在的主要问题及改进情况
人员不足，将加强培训。
六、其他需要报告的事项
本机关2021年度未发出收费通知，未收取信息处理费。
某某局
2022年1月20日`,
        expected: [],
      },
      {
        title: '文本在第六部分中途中断，不作判断',
        text: `某某局2021年政府信息公开工作年度报告
六、其他需要报告的事项
本机关认真办理人大代表建议和政协委员提案。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '第六部分完整但只字未提信息处理费',
        text: `某某局2021年政府信息公开工作年度报告
五、存在的主要问题及改进情况
人员不足，将加强培训。
六、其他需要报告的事项
本机关认真办理人大代表建议和政协委员提案。
某某局
2022年1月20日`,
        expected: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: '第六部分“其他需要报告的事项”未说明信息处理费的收取情况（未收取也应写明）' }],
      },
    ],
  },
  check({ report, profile, emit }) {
    const spec = profile.sections.find((s) => s.id === 'other');
    if (!spec) return;
    const section = matchSections(report, [spec])[0]?.section;
    if (!section) return; // a missing section is required-sections' finding
    const ext = sectionExtent(report, section);
    if (!ext.closedBy) return; // the text may stop before the fees are mentioned
    if (ext.blocks.some((b) => b.type === 'table' || FEE_WORDS.test(b.text.text))) return;
    if (FEE_WORDS.test(section.title)) return;
    // fees reported in the running text elsewhere (table 3's row on unpaid fees does not count)
    if (proseBlocks(report).some((b) => /信息处理费/.test(b.text.text) && !ext.blocks.includes(b))) return;
    emit({ messageId: 'silent', data: { title: section.title }, range: section.heading.range });
  },
});
