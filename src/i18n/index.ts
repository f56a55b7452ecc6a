import type { Locale, Localised, MessageData } from '../rules/types.js';

export type { Locale, Localised };

/** Fill `{name}` placeholders. */
export function interpolate(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function localise(msg: Localised, locale: Locale, data?: MessageData): string {
  return interpolate(msg[locale] ?? msg.zh, data);
}

/**
 * What to tell a user about an exception: plain words for the ones a document can cause (too deep
 * to walk), never the library's own text (`Maximum call stack size exceeded`, `[xmldom error] …`).
 */
export function describeFailure(err: unknown, locale: Locale): string {
  // the stack overflows on structure nested very deep, and in libraries on very many siblings
  // (hast-util-to-mdast spreads a parent's children into one call: 200,000 paragraphs overflow it)
  if (err instanceof RangeError && /call stack/i.test(err.message)) return localise(UI.tooDeepOrLarge, locale);
  // a Markdown text refused before its parse (src/parse/depth.ts)
  if ((err as Error | undefined)?.name === 'TooDeepError') return localise(UI.tooDeep, locale);
  return localise(UI.internal, locale);
}

/** Words the formatters and the CLI print, in both languages. */
export const UI = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  problems: { zh: '{total} 个问题（{errors} 个错误，{warnings} 个警告）', en: '{total} {problemWord} ({errors} {errorWord}, {warnings} {warningWord})' },
  expected: { zh: '应为', en: 'expected' },
  actual: { zh: '实为', en: 'actual' },
  tooManyWarnings: { zh: 'ogi-lint 发现的警告过多（上限 {max}）。', en: 'ogi-lint found too many warnings (maximum: {max}).' },
  ruleCrashed: { zh: '规则 {rule} 运行出错：{error}', en: 'rule {rule} failed: {error}' },
  parseError: { zh: '无法解析文件：{error}', en: 'cannot parse the file: {error}' },
  tooDeep: { zh: '文档的结构嵌套过深', en: 'the document is nested too deeply' },
  tooDeepOrLarge: { zh: '文档的结构嵌套过深或段落过多', en: 'the document is nested too deeply or has too many paragraphs' },
  internal: { zh: '内部错误（加 --debug 可查看详情）', en: 'an internal error (run with --debug for details)' },
  clean: { zh: '{count} 份报告未发现问题', en: '{count} {reportWord} checked, no problems found' },
  fixableMark: { zh: '[可修复]', en: '[fixable]' },
  fixableHint: {
    zh: '其中 {count} 个问题（{errors} 个错误，{warnings} 个警告）可用 --fix 自动修复',
    en: '{errors} {errorWord} and {warnings} {warningWord} potentially fixable with the `--fix` option.',
  },
  skipped: { zh: '已跳过 {count} 个不是报告的文件：{files}', en: 'skipped {count} files that are not reports: {files}' },
  skippedMore: { zh: '已跳过 {count} 个不是报告的文件：{files} 等（另有 {more} 个）', en: 'skipped {count} files that are not reports: {files} and {more} more' },
  noFiles: { zh: '没有找到要检查的文件：{patterns}', en: 'no files to check were found: {patterns}' },
} satisfies Record<string, Localised>;
