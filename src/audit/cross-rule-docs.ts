import { cell, examplesLines, fence, optionsAndMessages } from '../cli/rule-docs.js';
import { ruleName } from '../output/rule-names.js';
import type { CrossExample, CrossRule } from './cross-rule.js';

function exampleSection(ex: CrossExample<unknown>, rule: CrossRule<unknown>): string {
  const parts = [`#### ${ex.title}`, ''];
  if (ex.options) parts.push('选项 Options:', '', fence(JSON.stringify(ex.options, null, 2), 'json'), '');
  if (ex.manifest) {
    parts.push('清单 Manifest (`--manifest bodies.csv`):', '', fence(['file,body,level,parent,year', ...Object.entries(ex.manifest).map(([f, m]) => [f, m.body, m.level ?? '', m.parent ?? '', m.year ?? ''].join(','))].join('\n'), 'csv'), '');
    const absent = Object.keys(ex.manifest).filter((f) => !(f in ex.reports));
    if (absent.length) parts.push(`清单列出而不在册的年报 Listed in the manifest, not in the set: ${absent.map((f) => `\`${f}\``).join(', ')}`, '');
  }
  for (const [file, text] of Object.entries(ex.reports)) {
    parts.push('<details>', `<summary><code>${file}</code></summary>`, '', fence(text, 'text'), '', '</details>', '');
  }
  if (ex.expected.length === 0) parts.push('没有问题 No findings.', '');
  else {
    parts.push('| 文件 Files | 级别 Severity | 消息 Message |', '| --- | --- | --- |');
    for (const e of ex.expected) parts.push(`| ${e.files.map((f) => `\`${f}\``).join(', ')} | ${e.severity ?? rule.severity} | ${cell(e.message)} |`);
    parts.push('');
  }
  return parts.join('\n');
}

/**
 * One cross-report rule's documentation page, made from the rule itself, as for the rules of a
 * single report: description, options, messages, and the examples — sets of reports with the
 * findings the audit gives for them (the examples are run as tests).
 */
export function crossRuleDoc(rule: CrossRule<unknown>): string {
  const parts = [
    `# ${rule.id}${ruleName(rule.id, 'zh') ? `（${ruleName(rule.id, 'zh')}）` : ''}`,
    '',
    rule.description.zh,
    '',
    rule.description.en,
    '',
    '- 范围 Scope: 跨报告，由 `ogi-lint audit` 对整批年报运行 across reports, run by `ogi-lint audit` over the whole set',
    `- 默认级别 Default severity: ${rule.severity}`,
    `- 适用格式 Generations: ${rule.generations.join(', ')}`,
    '',
    ...optionsAndMessages(rule, '在 `.ogilintrc.json` 中设置（`ogi-lint audit` 按所审核目录适用的配置执行；`--rule` 优先）Set in `.ogilintrc.json` (`ogi-lint audit` follows the configuration of the folder audited; `--rule` wins):'),
    ...examplesLines(rule.examples, (e) => exampleSection(e, rule)),
  ];
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}
