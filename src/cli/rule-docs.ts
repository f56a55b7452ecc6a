import type { Locale, Rule, RuleExample } from '../rules/types.js';
import { padEnd } from '../output/stylish.js';
import { ruleName } from '../output/rule-names.js';
import { displayWidth } from '../util/width.js';
import { allRules } from '../../rules/index.js';

/** A Markdown table cell: no line breaks, no bare pipes. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A fenced block whose fence is longer than any run of backticks inside it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text.replace(/\n$/, '')}\n${f}`;
}

const SEVERITY_WORDS = { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' } };

/** The rule table of the README: id, default severity, generations, Chinese and English descriptions. */
export function rulesMarkdownTable(rules: Rule<unknown>[]): string {
  const lines = [
    '| 规则 Rule | 默认级别 Severity | 适用格式 Generations | 说明 | Description | 名称 Name |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rules) {
    lines.push(
      `| \`${r.id}\` | ${r.severity} | ${r.generations.join(', ')} | ${cell(r.description.zh)} | ${cell(r.description.en)} | ${cell(ruleName(r.id, 'zh') ?? '')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every rule as data: what `ogi-lint rules --format json` prints. */
export function rulesJson(rules: Rule<unknown>[]): unknown[] {
  return rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    generations: r.generations,
    description: r.description,
    fixable: r.fixable ?? false,
    optionsSchema: r.optionsSchema,
    defaultOptions: r.defaultOptions,
    messages: r.messages,
  }));
}

/** The rule list for a terminal, in one language, columns aligned. */
export function rulesText(rules: Rule<unknown>[], locale: Locale): string {
  const rows = rules.map((r) => [locale === 'zh' && ruleName(r.id, 'zh') ? `${r.id}（${ruleName(r.id, 'zh')}）` : r.id, SEVERITY_WORDS[r.severity][locale], r.generations.join(','), r.description[locale]] as const);
  const head = locale === 'zh' ? (['规则', '默认级别', '适用格式', '说明'] as const) : (['rule', 'severity', 'generations', 'description'] as const);
  const all = [head, ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...all.map((row) => displayWidth(row[i]!))));
  return `${all.map((row) => `${row.slice(0, 3).map((c, i) => padEnd(c, widths[i]!)).join('  ')}  ${row[3]}`.trimEnd()).join('\n')}\n`;
}

function exampleSection(ex: RuleExample<unknown>, rule: Rule<unknown>): string {
  const parts = [`#### ${ex.title}`, ''];
  const settings: string[] = [];
  if (ex.filename) settings.push(`文件名 File name: \`${ex.filename}\``);
  if (ex.profile) settings.push(`配置档 Profile: \`${ex.profile}\``);
  if (settings.length) parts.push(settings.map((s) => `- ${s}`).join('\n'), '');
  if (ex.options) parts.push('选项 Options:', '', fence(JSON.stringify(ex.options, null, 2), 'json'), '');
  parts.push(fence(ex.text, ex.filename?.endsWith('.md') ? 'markdown' : 'text'), '');
  if (ex.expected.length === 0) {
    parts.push('无诊断。No diagnostics.', '');
    return parts.join('\n');
  }
  parts.push('| 位置 Position | 级别 Severity | 消息 Message | 应为 Expected | 实为 Actual |', '| --- | --- | --- | --- | --- |');
  for (const d of ex.expected) {
    const show = (v: string | number | null | undefined): string => (v === undefined ? '' : cell(v === null ? '（无）' : String(v)));
    parts.push(
      `| ${d.line}:${d.column}–${d.endLine}:${d.endColumn} | ${d.severity ?? rule.severity} | ${cell(d.message)} | ${show(d.expected)} | ${show(d.actual)} |`,
    );
  }
  parts.push('');
  const suggested = ex.expected.flatMap((d) => d.suggestions ?? []);
  if (suggested.length) parts.push(`建议 Suggestions: ${suggested.map((x) => cell(x)).join('；')}`, '');
  if (ex.output !== undefined) parts.push('`--fix` 之后 After `--fix`:', '', fence(ex.output, ex.filename?.endsWith('.md') ? 'markdown' : 'text'), '');
  return parts.join('\n');
}

/** Does the rule, at its default, give some findings a milder severity than its own (as its examples show)? */
function milder(rule: Rule<unknown>): boolean {
  return rule.examples.invalid.some((e) => e.expected.some((d) => d.severity !== undefined && d.severity !== rule.severity));
}

/** A `covers`/`supersedes` entry as a link: `stats-period`, or `stats-period` message `mismatch`. */
function coverName(entry: string): string {
  const [id, messageId] = entry.split('/');
  return messageId ? `[\`${id}\`](${id}.md) \`${messageId}\`` : `[\`${id}\`](${id}.md)`;
}

/**
 * Which findings of other rules this rule's findings take the place of at the same place, and which
 * take the place of its own (one defect is reported once; the other is kept in `suppressedMessages`).
 */
function coverageLines(rule: Rule<unknown>, all: Rule<unknown>[]): string[] {
  const own = [
    ...(rule.supersedes ?? []).map((e) => `- 本规则的诊断 its findings → ${coverName(e)}`),
    ...Object.entries(rule.messages).flatMap(([id, m]) => (m.covers ?? []).map((e) => `- \`${id}\` → ${coverName(e)}`)),
  ];
  const names = (e: string, id?: string) => e === rule.id || (id !== undefined && e === `${rule.id}/${id}`);
  const others = all
    .filter((r) => r !== rule)
    .flatMap((r) => [
      ...(r.supersedes ?? []).filter((e) => e === rule.id || e.startsWith(`${rule.id}/`)).map((e) => `- ${coverName(r.id)} → ${e.includes('/') ? `\`${e.split('/')[1]}\`` : '本规则的诊断 its findings'}`),
      ...Object.entries(r.messages).flatMap(([id, m]) =>
        (m.covers ?? []).filter((e) => names(e) || Object.keys(rule.messages).some((k) => names(e, k))).map((e) => `- ${coverName(r.id)} \`${id}\` → ${e.includes('/') ? `\`${e.split('/')[1]}\`` : '本规则的诊断 its findings'}`),
      ),
    ]);
  if (!own.length && !others.length) return [];
  return [
    '## 同一问题只报告一次 One defect, one finding',
    '',
    '范围重叠时，较具体的诊断取代另一条；被取代的诊断不再列出，而在 JSON 输出的 `suppressedMessages` 中注明（`kind: "superseded"`）。',
    'Where ranges overlap, the more specific finding takes the place of the other, which is left out of the list and kept in the JSON output’s `suppressedMessages` (`kind: "superseded"`).',
    '',
    ...(own.length ? ['本规则取代 This rule’s findings take the place of:', '', ...own, ''] : []),
    ...(others.length ? ['被以下诊断取代 Its findings give way to:', '', ...others, ''] : []),
  ];
}

/** A rule's page from its options to its messages (the same for rules of one report and across reports). */
export function optionsAndMessages(
  rule: Pick<Rule<unknown>, 'id' | 'severity' | 'optionsSchema' | 'defaultOptions' | 'messages'>,
  setIn: string,
): string[] {
  return [
    '## 选项 Options',
    '',
    fence(JSON.stringify(rule.optionsSchema, null, 2), 'json'),
    '',
    '默认值 Defaults:',
    '',
    fence(JSON.stringify(rule.defaultOptions, null, 2), 'json'),
    '',
    setIn,
    '',
    fence(JSON.stringify({ rules: { [rule.id]: [rule.severity === 'error' ? 'error' : 'warn', rule.defaultOptions] } }, null, 2), 'json'),
    '',
    '## 消息 Messages',
    '',
    '| id | 中文 | English |',
    '| --- | --- | --- |',
    ...Object.entries(rule.messages).map(([id, m]) => `| \`${id}\` | ${cell(m.zh)} | ${cell(m.en)} |`),
    '',
  ];
}

/** The examples part of a rule's page, each example written by `section` (rules of one report and across reports write theirs differently). */
export function examplesLines<E>(examples: { valid: E[]; invalid: E[] }, section: (e: E) => string): string[] {
  return ['## 示例 Examples', '', '### 正确 Valid', '', ...examples.valid.map(section), '### 错误 Invalid', '', ...examples.invalid.map(section)];
}

/** One rule's documentation page, made from the rule itself: description, options, messages, examples. */
export function ruleDoc(rule: Rule<unknown>, all: Rule<unknown>[] = allRules): string {
  const parts = [
    `# ${rule.id}${ruleName(rule.id, 'zh') ? `（${ruleName(rule.id, 'zh')}）` : ''}`,
    '',
    rule.description.zh,
    '',
    rule.description.en,
    '',
    `- 默认级别 Default severity: ${rule.severity}${milder(rule) ? '（部分较轻的诊断默认为警告，见示例 some milder findings are warnings by default, see the examples）' : ''}；在配置中或用 \`--rule\` 设置的级别适用于本规则的全部诊断 a severity set in the configuration or with \`--rule\` applies to every finding of the rule`,
    `- 适用格式 Generations: ${rule.generations.join(', ')}`,
    `- 可自动修复 Fixable: ${rule.fixable ? 'yes' : 'no'}`,
    '',
    ...optionsAndMessages(rule, '在 `.ogilintrc.json` 中设置 Set in `.ogilintrc.json`:'),
    ...coverageLines(rule, all),
    ...examplesLines(rule.examples, (e) => exampleSection(e, rule)),
  ];
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}
