import { describe, it, expect } from 'vitest';
import { allRules } from '../rules/index.js';
import { lintText } from '../src/lint.js';
import type { ExpectedDiagnostic } from '../src/rules/types.js';
import { applyFixes } from '../src/fix/index.js';

/** Rules whose examples do not write out their suggestions yet (a test below keeps this list true). */
const SUGGESTIONS_NOT_WRITTEN: string[] = [];

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
      // suggestions offered must be written in the example, as ESLint's RuleTester requires
      if (d.suggestions !== undefined || !SUGGESTIONS_NOT_WRITTEN.includes(rule.id)) {
        expect(m.suggestions?.map((s) => s.desc) ?? [], `suggestions of “${d.message}”`).toEqual(d.suggestions ?? []);
      }
    });
    const fixed = applyFixes(ex.text, res.messages).output;
    if (ex.output !== undefined) expect(fixed).toBe(ex.output);
    // a fix that is not written in the example is not tested: fail, as RuleTester does
    else if (res.messages.some((m) => m.fix)) expect.fail(`the example's findings have fixes: give its "output"`);
  });

  if (rule.fixable) {
    it('is fixable, and an invalid example shows the text after --fix', () => {
      expect(rule.examples.invalid.some((e) => e.output !== undefined && e.output !== e.text)).toBe(true);
    });
  }
});

/**
 * Message ids no example shows yet. Every message a rule can give should appear in one of its
 * examples (as a finding or as a suggestion); this list shrinks as examples are written, and the
 * test fails both for a new id without an example and for an id here that has one now.
 */
const WITHOUT_EXAMPLE: Record<string, string[]> = {};

/** Could this text have come from the template (placeholders standing for anything)? */
function fromTemplate(text: string, template: string): boolean {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`).test(text);
}

it('the rules whose examples leave suggestions out still offer suggestions in them', () => {
  for (const id of SUGGESTIONS_NOT_WRITTEN) {
    const rule = allRules.find((r) => r.id === id)!;
    const unwritten = rule.examples.invalid.some((ex) => {
      const res = lintText(ex.text, ex.filename ?? 'example.txt', { rules: [rule], profile: ex.profile, ruleOptions: ex.options ? { [rule.id]: ex.options as Record<string, unknown> } : undefined });
      return res.messages.some((m, i) => m.suggestions?.length && ex.expected[i]?.suggestions === undefined);
    });
    expect(unwritten, id).toBe(true);
  }
});

describe('every message of every rule appears in an example', () => {
  it.each(allRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const shown = new Set<string>();
    for (const ex of rule.examples.invalid) {
      const res = lintText(ex.text, ex.filename ?? 'example.txt', { rules: [rule], profile: ex.profile, ruleOptions: ex.options ? { [rule.id]: ex.options as Record<string, unknown> } : undefined });
      for (const m of res.messages) {
        if (m.messageId) shown.add(m.messageId);
        for (const s of m.suggestions ?? []) {
          for (const [id, tpl] of Object.entries(rule.messages)) if (fromTemplate(s.desc, tpl.zh)) shown.add(id);
        }
      }
    }
    const missing = Object.keys(rule.messages).filter((id) => !shown.has(id));
    expect(missing).toEqual(WITHOUT_EXAMPLE[rule.id] ?? []);
  });
});
