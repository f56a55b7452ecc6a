import { describe, it, expect } from 'vitest';
import { allRules } from '../rules/index.js';
import { lintText } from '../src/lint.js';
import type { ExpectedDiagnostic } from '../src/rules/types.js';

/**
 * Every rule's examples are its tests: each input, linted with that rule alone, gives exactly
 * the diagnostics listed (position, message, severity, expected/actual where given).
 */
describe.each(allRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has valid and invalid examples', () => {
    expect(rule.examples.valid.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
  });

  const all = [
    ...rule.examples.valid.map((e) => ['valid', e] as const),
    ...rule.examples.invalid.map((e) => ['invalid', e] as const),
  ];
  it.each(all.map(([kind, e]) => [`${kind}: ${e.title}`, e] as const))('%s', (_t, ex) => {
    const res = lintText(ex.text, ex.filename ?? 'example.txt', {
      rules: [rule],
      profile: ex.profile,
      ruleOptions: ex.options ? { [rule.id]: ex.options as Record<string, unknown> } : undefined,
    });
    const got: ExpectedDiagnostic[] = res.messages.map((m) => {
      const d: ExpectedDiagnostic = { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message };
      return d;
    });
    const want = ex.expected.map((d) => ({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message }));
    expect(got).toEqual(want);
    ex.expected.forEach((d, i) => {
      const m = res.messages[i]!;
      expect(m.ruleId).toBe(rule.id);
      expect(m.severity).toBe((d.severity ?? rule.severity) === 'error' ? 2 : 1);
      if (d.expected !== undefined) expect(m.expected).toEqual(d.expected);
      if (d.actual !== undefined) expect(m.actual).toEqual(d.actual);
    });
  });
});
