import path from 'node:path';
import pc from 'picocolors';
import type { LintMessage, LintResult } from '../diagnostic.js';
import { localise, UI } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';
import type { Formatter, FormatterContext } from './types.js';
import { ruleName } from './rule-names.js';
import { displayWidth } from '../util/width.js';

/**
 * Pad to a width in terminal columns (CJK characters take two), as string-width measures them:
 * `displayWidth` adds up the characters of Chinese text itself and leaves any other text (colours,
 * emoji) to string-width, so that printing findings does not load it.
 */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A path as the user should see it: relative to the working folder when inside it. */
export function displayPath(filePath: string, cwd: string = process.cwd()): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const rel = path.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath;
}

function value(v: string | number | null, locale: Locale): string {
  if (v === null) return locale === 'zh' ? '（无）' : '(none)';
  return String(v);
}

/** The words under a message: expected/actual values and where to find it in a document without lines. */
function details(m: LintMessage, locale: Locale): string | undefined {
  const parts: string[] = [];
  const sep = locale === 'zh' ? '：' : ': ';
  // an expected value that is not known is left out, never shown as （无）; "nothing written" is shown
  // only beside what should be written, since alone it says nothing the message does not
  const expected = m.expected ?? null;
  if (expected !== null) parts.push(`${localise(UI.expected, locale)}${sep}${value(expected, locale)}`);
  if (m.actual !== undefined && (m.actual !== null || expected !== null)) parts.push(`${localise(UI.actual, locale)}${sep}${value(m.actual, locale)}`);
  if (m.location) parts.push(`${locale === 'zh' ? '位置' : 'at'}${sep}${m.location}`);
  return parts.length ? parts.join(locale === 'zh' ? '；' : '; ') : undefined;
}

/** The rule column: the id, and in Chinese the rule's short name. */
function ruleColumn(m: LintMessage, locale: Locale): string {
  const id = m.ruleId ?? '';
  const name = locale === 'zh' ? ruleName(m.ruleId, locale) : undefined;
  const mark = m.fix ? localise(UI.fixableMark, locale) : '';
  return `${id}${name ? `（${name}）` : ''}${mark ? ` ${mark}` : ''}`;
}

/** The time spent per rule over all results, slowest first, as a table (--stats). */
export function statsTable(results: LintResult[], locale: Locale): string {
  const totals = new Map<string, number>();
  let parse = 0;
  for (const r of results) {
    for (const pass of r.stats?.times.passes ?? []) {
      parse += pass.parse.total;
      for (const [id, t] of Object.entries(pass.rules)) totals.set(id, (totals.get(id) ?? 0) + t.total);
    }
  }
  const rows: [string, number][] = [[locale === 'zh' ? '（读取与建模）' : '(reading and modelling)', parse], ...[...totals].sort((a, b) => b[1] - a[1])];
  const total = rows.reduce((n, [, t]) => n + t, 0);
  const head = locale === 'zh' ? ['规则', '耗时（毫秒）', '占比'] : ['Rule', 'Time (ms)', 'Relative'];
  const body = rows.map(([id, t]) => [id, t.toFixed(1), `${total ? ((100 * t) / total).toFixed(1) : '0.0'}%`]);
  const all = [head, ...body];
  const w = [0, 1, 2].map((i) => Math.max(...all.map((row) => displayWidth(row[i]!))));
  return `\n${all.map((row) => `${padEnd(row[0]!, w[0]!)}  ${padStart(row[1]!, w[1]!)}  ${padStart(row[2]!, w[2]!)}`).join('\n')}\n`;
}

/** Files a folder or glob held that were not checked, in one line (a few named, the rest counted). */
export function skippedLine(context: FormatterContext, locale: Locale): string | undefined {
  const skipped = context.skipped ?? [];
  if (skipped.length === 0) return undefined;
  const shown = skipped.slice(0, 5).map((s) => displayPath(s.file, context.cwd));
  const more = skipped.length - shown.length;
  return localise(more > 0 ? UI.skippedMore : UI.skipped, locale, { count: skipped.length, files: shown.join(locale === 'zh' ? '、' : ', '), more });
}

/**
 * ESLint's "stylish" layout: results grouped by file, one line per message
 * (`line:column  severity  message  rule-id`), columns aligned in terminal cells, and a summary.
 */
export const stylish: Formatter = (results, context = {}) => {
  const locale = context.locale ?? 'zh';
  const c = pc.createColors(context.color ?? false);
  let errors = 0;
  let warnings = 0;
  let out = '';
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    const rows = r.messages.map((m) => ({
      pos: `${m.line}:${m.column}`,
      sev: localise(m.severity === 2 ? UI.error : UI.warning, locale),
      m,
    }));
    const wPos = Math.max(...rows.map((x) => displayWidth(x.pos)));
    const wSev = Math.max(...rows.map((x) => displayWidth(x.sev)));
    const wMsg = Math.max(...rows.map((x) => displayWidth(x.m.message)));
    out += `\n${c.underline(displayPath(r.filePath, context.cwd))}\n`;
    for (const { pos, sev, m } of rows) {
      const sevText = padEnd(sev, wSev);
      const rule = ruleColumn(m, locale);
      const line = `  ${c.dim(padStart(pos, wPos))}  ${m.severity === 2 ? c.red(sevText) : c.yellow(sevText)}  ${rule ? padEnd(m.message, wMsg) : m.message}${rule ? `  ${c.dim(rule)}` : ''}`;
      out += `${line.trimEnd()}\n`;
      const d = details(m, locale);
      if (d) out += `  ${' '.repeat(wPos)}  ${' '.repeat(wSev)}  ${c.dim(d)}\n`;
    }
  }
  const total = errors + warnings;
  const skipped = skippedLine(context, locale);
  if (total === 0) {
    if (results.length === 0) return skipped ? `${skipped}\n` : '';
    const clean = `✔ ${localise(UI.clean, locale, { count: results.length, reportWord: results.length === 1 ? 'report' : 'reports' })}`;
    return `${c.green(clean)}\n${skipped ? `${c.dim(skipped)}\n` : ''}`;
  }
  const summary = `✖ ${localise(UI.problems, locale, { total, errors, warnings, problemWord: total === 1 ? 'problem' : 'problems', errorWord: errors === 1 ? 'error' : 'errors', warningWord: warnings === 1 ? 'warning' : 'warnings' })}`;
  out += `\n${errors ? c.bold(c.red(summary)) : c.bold(c.yellow(summary))}\n`;
  const fixErrors = results.reduce((n, r) => n + r.fixableErrorCount, 0);
  const fixWarnings = results.reduce((n, r) => n + r.fixableWarningCount, 0);
  if (fixErrors + fixWarnings > 0) {
    const hint = localise(UI.fixableHint, locale, { count: fixErrors + fixWarnings, errors: fixErrors, warnings: fixWarnings, errorWord: fixErrors === 1 ? 'error' : 'errors', warningWord: fixWarnings === 1 ? 'warning' : 'warnings' });
    out += `${errors ? c.bold(c.red(`  ${hint}`)) : c.bold(c.yellow(`  ${hint}`))}\n`;
  }
  if (skipped) out += `${c.dim(skipped)}\n`;
  return out;
};
