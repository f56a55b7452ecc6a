import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossRules } from '../rules/cross/index.js';
import { attribute, normaliseBodyName } from '../src/audit/bodies.js';
import { runCrossRules } from '../src/audit/cross.js';
import type { CrossExample, CrossReportInput } from '../src/audit/cross-rule.js';
import checkFile, { sentences } from '../src/audit/worker.js';
import type { FileOutcome } from '../src/audit/record.js';

/** Check an example's reports as the audit does, then run one cross-report rule over them. */
async function runExample(ruleId: string, ex: CrossExample, locale: 'zh' | 'en' = 'zh') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-cross-'));
  const inputs: CrossReportInput[] = [];
  for (const [name, text] of Object.entries(ex.reports)) {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const o = (await checkFile({ file, useConfig: false })) as FileOutcome;
    const m = ex.manifest?.[name];
    inputs.push({
      file: name,
      body: attribute(o, m ? { file, ...m } : undefined),
      generation: o.report?.profile ?? null,
      tables: o.tables,
      fingerprint: o.fingerprint,
      findings: o.messages.map((x) => ({ ruleId: x.ruleId, messageId: x.messageId, severity: x.severity })),
    });
  }
  const rule = crossRules.find((r) => r.id === ruleId)!;
  // manifest rows that name no report: reports absent from the set
  const absent = Object.entries(ex.manifest ?? {})
    .filter(([name]) => !(name in ex.reports))
    .map(([name, m]) => ({ file: name, ...m, key: normaliseBodyName(m.body) }));
  const findings = await runCrossRules(inputs, {
    locale,
    absent,
    rules: [rule],
    ruleConfig: ex.options ? { [ruleId]: [rule.severity === 'error' ? 'error' : 'warn', ex.options as Record<string, unknown>] } : undefined,
    passages: (file, hashes) => sentences({ file: path.join(dir, file), useConfig: false, hashes }),
  });
  return findings;
}

describe('cross-report rule examples', () => {
  for (const rule of crossRules) {
    describe(rule.id, () => {
      it('has a description, messages in both languages and examples of both kinds', () => {
        expect(rule.scope).toBe('cross-report');
        expect(rule.description.zh && rule.description.en).toBeTruthy();
        for (const m of Object.values(rule.messages)) expect(m.zh && m.en).toBeTruthy();
        expect(rule.examples.valid.length).toBeGreaterThan(0);
        expect(rule.examples.invalid.length).toBeGreaterThan(0);
      });
      for (const ex of rule.examples.valid) {
        it(`valid: ${ex.title}`, async () => {
          expect(await runExample(rule.id, ex)).toEqual([]);
        });
      }
      for (const ex of rule.examples.invalid) {
        it(`invalid: ${ex.title}`, async () => {
          const got = await runExample(rule.id, ex);
          expect(got.map((f) => ({ files: f.files, message: f.message, severity: f.severity }))).toEqual(
            ex.expected.map((e) => ({ files: e.files, message: e.message, severity: e.severity ?? rule.severity })),
          );
        });
        it(`invalid, in English: ${ex.title}`, async () => {
          const got = await runExample(rule.id, ex, 'en');
          expect(got.map((f) => f.files)).toEqual(ex.expected.map((e) => e.files));
          // every placeholder filled; the figures of the Chinese message are in the English one
          for (const [i, f] of got.entries()) {
            expect(f.message).not.toMatch(/[{}]/);
            const figures = (ex.expected[i]!.message.match(/\d+/g) ?? []).sort();
            expect((f.message.replace(/table \d/g, '').match(/\d+/g) ?? []).sort()).toEqual(figures);
          }
        });
      }
    });
  }
});

describe('body names', () => {
  it('one body however its name is written', () => {
    expect(normaliseBodyName('青河区人民政府办公室')).toBe(normaliseBodyName('青河区政府办'));
    expect(normaliseBodyName('青河县卫生健康委员会')).toBe(normaliseBodyName('青河县卫生健康委'));
    expect(normaliseBodyName('青河县 教育局')).toBe(normaliseBodyName('青河县教育局'));
    expect(normaliseBodyName('青河县教育局')).not.toBe(normaliseBodyName('青河县财政局'));
  });
});

describe('README', () => {
  it('has the table of cross-report rules generated from the rules', async () => {
    const { readFileSync } = await import('node:fs');
    const { rulesMarkdownTable } = await import('../src/cli/rule-docs.js');
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const m = /<!-- cross-rules:start -->\n([\s\S]*?)\n<!-- cross-rules:end -->/.exec(readme);
    expect(m).not.toBeNull();
    expect(m![1]!.trim()).toBe(rulesMarkdownTable(crossRules as unknown as Parameters<typeof rulesMarkdownTable>[0]).trim());
  });
});
