import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { sectionMatches } from '../src/rules/section-matches.js';
import type { Block, Report, Section } from '../src/model/types.js';

/** Lines that close a report (the body's name, the date) are not a section's content. */
function isSignOffLine(report: Report, b: Block): boolean {
  const inside = (r: { start: number; end: number }): boolean => b.range.start <= r.start && r.end <= b.range.end;
  if (report.signOff && (inside(report.signOff.range) || (report.signOff.signatory && inside(report.signOff.signatory.range)))) return true;
  const t = b.text.text.trim();
  return !!report.agency && t === report.agency;
}

function hasContent(report: Report, s: Section): boolean {
  if (s.inlineBody || s.children.length > 0) return true;
  // (a picture counts: a table pasted as one is content, table-missing says it cannot be checked)
  return s.blocks.some((b) => b.type !== 'html' && b.type !== 'break' && !isSignOffLine(report, b) && (b.text.text.trim() !== '' || (b.images ?? 0) > 0));
}

export default defineRule<Record<string, never>>({
  id: 'empty-section',
  description: {
    zh: '必备部分标题下须有内容',
    en: 'A required section has content under its heading',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  // an empty part 六 says nothing about fees either: one defect, reported here
  supersedes: ['fee-disclosure/silent'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    empty: { zh: '“{title}”下没有内容', en: '“{title}” has no content under it' },
  },
  examples: {
    valid: [
      {
        title: '每个部分下都有内容（表格、小标题或文字均可）',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
（一）主动公开
本局主动公开信息120条。
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
六、其他需要报告的事项。本年度未收取信息处理费。`,
        expected: [],
      },
      {
        title: '部分下只有一张图片（如以图片给出的表格）也算有内容；能否核对由 table-missing 判断',
        filename: 'report.md',
        text: `# 某某局2021年政府信息公开工作年度报告

## 一、总体情况

本局主动公开信息120条。

## 二、主动公开政府信息情况

![主动公开政府信息情况统计表](table2.png)

## 六、其他需要报告的事项

本年度未收取信息处理费。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '“其他需要报告的事项”只有标题，后面直接是落款',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局主动公开信息120条。
六、其他需要报告的事项
某某局
2022年1月20日`,
        expected: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: '“六、其他需要报告的事项”下没有内容' }],
      },
      {
        title: '落款的机关名称（与标题所写不同）和日期不算内容',
        text: `某某镇2021年政府信息公开工作年度报告
一、总体情况
本镇主动公开信息120条。
六、其他需要报告的事项
某某镇人民政府
2022年1月20日`,
        expected: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: '“六、其他需要报告的事项”下没有内容' }],
      },
    ],
  },
  check({ report, profile, emit }) {
    const lastBlock = report.blocks[report.blocks.length - 1];
    for (const m of sectionMatches(report, profile.sections)) {
      // only a part's own heading: a sub-section standing in for a missing part is not judged
      if (!m.section || !m.spec.required || m.section.level !== 1) continue;
      if (hasContent(report, m.section)) continue;
      // a heading that ends the text may be a cut-off copy rather than an empty part
      if (m.section.heading === lastBlock) continue;
      emit({ messageId: 'empty', data: { title: m.section.heading.text.text.trim() }, range: m.section.heading.range });
    }
  },
});
