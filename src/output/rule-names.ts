import type { Localised } from '../rules/types.js';

/**
 * Short names of the rules, shown beside the rule id in the stylish output and in the docs.
 * Findings that come from reading a file rather than from a rule have names here too.
 */
export const RULE_NAMES: Record<string, Localised> = {
  'required-sections': { zh: '必备部分', en: 'required sections' },
  'section-order': { zh: '部分顺序', en: 'section order' },
  'empty-section': { zh: '空白部分', en: 'empty section' },
  'report-title': { zh: '报告标题', en: 'report title' },
  'report-year': { zh: '报告年度', en: 'report year' },
  'stats-period': { zh: '统计期限', en: 'statistics period' },
  'contact-info': { zh: '联系方式', en: 'contact details' },
  'obsolete-reference': { zh: '废止依据', en: 'obsolete reference' },
  'doc-number': { zh: '发文字号', en: 'document number' },
  'malformed-date': { zh: '日期错误', en: 'malformed date' },
  placeholder: { zh: '模板残留', en: 'template leftover' },
  'stale-date': { zh: '过时日期', en: 'stale date' },
  'publish-date': { zh: '发布日期', en: 'publication date' },
  'fee-disclosure': { zh: '收费说明', en: 'fee disclosure' },
  'improvement-measures': { zh: '改进措施', en: 'improvement measures' },
  'prose-sum': { zh: '正文合计', en: 'sum in the text' },
  'prose-percentage': { zh: '正文比例', en: 'share in the text' },
  'conflicting-figures': { zh: '数字前后矛盾', en: 'conflicting figures' },
  'missing-figure': { zh: '缺少数字', en: 'missing figure' },
  'carry-over': { zh: '上下年衔接', en: 'carry-over between years' },
  'copied-text': { zh: '内容雷同', en: 'copied text' },
  'summary-matches-parts': { zh: '汇总与分项相符', en: 'summary matches its parts' },
  'prose-table-mismatch': { zh: '正文与表格不符', en: 'text and table disagree' },
  'table-missing': { zh: '缺少表格', en: 'missing table' },
  'table-structure': { zh: '表格结构', en: 'table structure' },
  'format-version': { zh: '格式版本', en: 'format version' },
  'table-cell-value': { zh: '单元格数值', en: 'cell value' },
  'table-sum': { zh: '表格合计', en: 'table sum' },
  'table-balance': { zh: '表三勾稽', en: 'table 3 balance' },
  'file-unreadable': { zh: '文件无法读取', en: 'unreadable file' },
  'parse-error': { zh: '文件无法解析', en: 'parse error' },
  encoding: { zh: '编码', en: 'encoding' },
  'unused-directive': { zh: '多余的停用注释', en: 'unused directive' },
  'unknown-rule': { zh: '未知规则', en: 'unknown rule' },
};

/** The short name of a rule in a language, if it has one. */
export function ruleName(id: string | null, locale: 'zh' | 'en'): string | undefined {
  return id && Object.hasOwn(RULE_NAMES, id) ? RULE_NAMES[id]![locale] : undefined;
}
