import { localise, UI } from '../i18n/index.js';
import type { Formatter } from './types.js';
import { displayPath } from './stylish.js';

/** Total line, as ESLint's compact and unix formats end. */
export function problemsLine(total: number, locale: 'zh' | 'en'): string {
  return locale === 'zh' ? `${total} 个问题` : `${total} problem${total === 1 ? '' : 's'}`;
}

/** ESLint's "compact": one line per finding, `file: line L, col C, Error - message (rule)`. */
export const compact: Formatter = (results, context = {}) => {
  const locale = context.locale ?? 'zh';
  let out = '';
  let total = 0;
  for (const r of results) {
    for (const m of r.messages) {
      total++;
      const sev = m.severity === 2 ? (locale === 'zh' ? '错误' : 'Error') : locale === 'zh' ? '警告' : 'Warning';
      const where = locale === 'zh' ? `第 ${m.line} 行第 ${m.column} 列` : `line ${m.line}, col ${m.column}`;
      out += `${displayPath(r.filePath, context.cwd)}: ${where}, ${sev} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}\n`;
    }
  }
  return total ? `${out}\n${problemsLine(total, locale)}\n` : '';
};

/** ESLint's "unix": `file:line:column: message [Error/rule]`, for editors and grep. */
export const unix: Formatter = (results, context = {}) => {
  const locale = context.locale ?? 'zh';
  let out = '';
  let total = 0;
  for (const r of results) {
    for (const m of r.messages) {
      total++;
      const sev = localise(m.severity === 2 ? UI.error : UI.warning, 'en');
      out += `${displayPath(r.filePath, context.cwd)}:${m.line}:${m.column}: ${m.message} [${sev[0]!.toUpperCase()}${sev.slice(1)}${m.ruleId ? `/${m.ruleId}` : ''}]\n`;
    }
  }
  return total ? `${out}\n${problemsLine(total, locale)}\n` : '';
};
