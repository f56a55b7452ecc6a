import { localise, UI } from '../i18n/index.js';
import type { LintMessage, LintResult } from '../diagnostic.js';
import type { Formatter } from './types.js';
import { displayPath } from './stylish.js';

/** Total line, as ESLint's compact and unix formats end. */
export function problemsLine(total: number, locale: 'zh' | 'en'): string {
  return locale === 'zh' ? `${total} 个问题` : `${total} problem${total === 1 ? '' : 's'}`;
}

/** One line per finding, then the total line (nothing at all when there is no finding). */
function lines(results: LintResult[], locale: 'zh' | 'en', line: (r: LintResult, m: LintMessage) => string): string {
  let out = '';
  let total = 0;
  for (const r of results) {
    for (const m of r.messages) {
      total++;
      out += `${line(r, m)}\n`;
    }
  }
  return total ? `${out}\n${problemsLine(total, locale)}\n` : '';
}

/** ESLint's "compact": one line per finding, `file: line L, col C, Error - message (rule)`. */
export const compact: Formatter = (results, context = {}) => {
  const locale = context.locale ?? 'zh';
  return lines(results, locale, (r, m) => {
    const sev = m.severity === 2 ? (locale === 'zh' ? '错误' : 'Error') : locale === 'zh' ? '警告' : 'Warning';
    const where = locale === 'zh' ? `第 ${m.line} 行第 ${m.column} 列` : `line ${m.line}, col ${m.column}`;
    return `${displayPath(r.filePath, context.cwd)}: ${where}, ${sev} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`;
  });
};

/** ESLint's "unix": `file:line:column: message [Error/rule]`, for editors and grep. */
export const unix: Formatter = (results, context = {}) =>
  lines(results, context.locale ?? 'zh', (r, m) => {
    const sev = localise(m.severity === 2 ? UI.error : UI.warning, 'en');
    return `${displayPath(r.filePath, context.cwd)}:${m.line}:${m.column}: ${m.message} [${sev[0]!.toUpperCase()}${sev.slice(1)}${m.ruleId ? `/${m.ruleId}` : ''}]`;
  });
