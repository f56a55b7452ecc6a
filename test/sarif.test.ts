import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLETE, MISSING_FIVE, ensureBuilt, memoryIO, onlyRules, run, runMain, sarifValidator, tempDir, writeTree } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { sarif } from '../src/output/sarif.js';
import { repositoryWebUrl, ruleDocUrl } from '../src/output/docs-url.js';
import type { LintResult } from '../src/diagnostic.js';
import { allRules } from '../rules/index.js';
import { repoRoot } from './helpers/corpus.js';

/** SARIF 2.1.0 as GitHub code scanning reads it: rule metadata, fixes, suppressions, invocations. */

interface Region {
  charOffset: number;
  charLength: number;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[];
  suppressions?: { kind: string; status?: string }[];
}
interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; descriptor?: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    results: SarifResult[];
  }[];
}

/** A complete report with document numbers in square brackets, which doc-number fixes (the second on a later line). */
const BRACKETS = COMPLETE.replace('本局认真贯彻《条例》。', '本局按照国办公开办函[2021]30号认真贯彻《条例》。').replace('人员不足，将加强培训。', '人员不足，将按照苏政办[2020]5号加强培训。');

const RULES = { 'required-sections': 'error', 'doc-number': 'warn' };

/** Apply a result's SARIF replacements to a text, last first, by character offset. */
function applyReplacements(text: string, results: SarifResult[]): string {
  const reps = results.flatMap((r) => r.fixes ?? []).flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements));
  let out = text;
  for (const rep of reps.sort((a, b) => b.deletedRegion.charOffset - a.deletedRegion.charOffset)) {
    out = out.slice(0, rep.deletedRegion.charOffset) + rep.insertedContent.text + out.slice(rep.deletedRegion.charOffset + rep.deletedRegion.charLength);
  }
  return out;
}

/** The character offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

beforeAll(() => {
  ensureBuilt();
});

describe('SARIF rule metadata', () => {
  const log = JSON.parse(sarif([], { cwd: '/' })) as SarifLog;
  const rules = log.runs[0]!.tool.driver.rules;

  it('lists every rule with descriptions, help, helpUri, default level and tags', () => {
    expect(sarifValidator()(log).errors).toBeNull();
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const [i, r] of rules.entries()) {
      const rule = allRules[i]!;
      expect(r.shortDescription.text).toBe(rule.description.zh);
      expect(r.fullDescription.text).toContain(rule.description.en);
      expect(r.defaultConfiguration.level).toBe(rule.severity);
      expect(r.properties.tags).toEqual(['ogi-lint', ...rule.generations]);
      expect(r.name).toMatch(/\S/);
      expect(new URL(r.helpUri!).protocol).toBe('https:');
      // the rule's documentation page, made from its examples, is the help GitHub shows
      expect(r.help!.markdown).toContain(rule.id);
      expect(r.help!.markdown).toContain(rule.description.zh);
      expect(r.help!.text).toContain(r.helpUri);
    }
  });

  it('takes helpUri from the same source as the editor: a {rule} template, else the repository, else the package page', () => {
    const custom = JSON.parse(sarif([], { docsUrl: 'https://docs.example.org/rules/{rule}.html' })) as SarifLog;
    expect(custom.runs[0]!.tool.driver.rules.map((r) => r.helpUri)).toEqual(allRules.map((r) => `https://docs.example.org/rules/${r.id}.html`));
    expect(ruleDocUrl('table-sum', 'https://x.org/{rule}')).toBe('https://x.org/table-sum');
    expect(rules[0]!.helpUri).toBe(ruleDocUrl(rules[0]!.id));
    const forms: [unknown, string | undefined][] = [
      ['github:owner/name', 'https://github.com/owner/name'],
      ['git+https://github.com/owner/name.git', 'https://github.com/owner/name'],
      [{ type: 'git', url: 'git+ssh://git@gitlab.com/group/name.git' }, 'https://gitlab.com/group/name'],
      ['git@github.com:owner/name.git', 'https://github.com/owner/name'],
      ['https://example.org/code/name/', 'https://example.org/code/name'],
      ['owner/name', undefined],
      [undefined, undefined],
    ];
    for (const [given, web] of forms) expect(repositoryWebUrl(given)).toBe(web);
  });
});

describe('SARIF results', () => {
  it('gives fixable findings fixes whose replacements turn the file into what --fix writes', async () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules(RULES) }, 'r.txt': BRACKETS });
    const o = memoryIO(dir);
    await main(['r.txt', '-f', 'sarif'], o);
    const log = JSON.parse(o.out) as SarifLog;
    expect(sarifValidator()(log).errors).toBeNull();
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toEqual(['doc-number', 'doc-number']);
    const patched = applyReplacements(BRACKETS, results);
    for (const r of results) {
      const change = r.fixes![0]!.artifactChanges[0]!;
      expect(change.artifactLocation.uri).toBe('r.txt');
      const d = change.replacements[0]!.deletedRegion;
      // lines and columns say the same place as the offsets
      expect(offsetOf(BRACKETS, d.startLine!, d.startColumn!)).toBe(d.charOffset);
      expect(offsetOf(BRACKETS, d.endLine!, d.endColumn!)).toBe(d.charOffset + d.charLength);
    }
    await main(['r.txt', '--fix', '-f', 'json'], memoryIO(dir));
    const written = readFileSync(path.join(dir, 'r.txt'), 'utf8');
    expect(written).not.toBe(BRACKETS);
    expect(patched).toBe(written);
  });

  it('gives each finding a fingerprint that stays when lines above it move, and differs between two alike', async () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules(RULES) }, 'r.txt': BRACKETS.replace('苏政办[2020]5号', '国办公开办函[2021]30号') });
    const prints = async (): Promise<{ line: number; message: string; print: string }[]> => {
      const o = memoryIO(dir);
      await main(['r.txt', '-f', 'sarif'], o);
      const results = (JSON.parse(o.out) as SarifLog).runs[0]!.results as (SarifResult & { partialFingerprints: Record<string, string> })[];
      return results.map((r) => ({ line: r.locations[0]!.physicalLocation.region.startLine, message: r.message.text, print: r.partialFingerprints['ogiLintFinding/v1']! }));
    };
    const before = await prints();
    expect(before).toHaveLength(2);
    expect(before[0]!.message).toBe(before[1]!.message);
    expect(before[0]!.print).not.toBe(before[1]!.print);
    writeFileSync(path.join(dir, 'r.txt'), `\n\n${readFileSync(path.join(dir, 'r.txt'), 'utf8')}`);
    const after = await prints();
    expect(after.map((x) => x.line)).toEqual(before.map((x) => x.line + 2));
    expect(after.map((x) => x.print)).toEqual(before.map((x) => x.print));
  });

  it('a fix in a Word, HTML or PDF file is no change to its bytes: no fixes there', () => {
    const fixable = (filePath: string): LintResult => ({
      filePath,
      messages: [{ ruleId: 'doc-number', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 3, fix: { range: [0, 2], text: '〔〕' } }],
      errorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      report: null,
    });
    const log = JSON.parse(sarif(['/r/a.docx', '/r/a.html', '/r/a.pdf', '/r/a.md'].map(fixable), { cwd: '/r' })) as SarifLog;
    expect(sarifValidator()(log).errors).toBeNull();
    expect(log.runs[0]!.results.map((r) => r.fixes !== undefined)).toEqual([false, false, false, true]);
    // no text at hand: offsets only
    expect(log.runs[0]!.results[3]!.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion).toEqual({ charOffset: 0, charLength: 2 });
  });

  it('gives suppressed findings as results with suppressions: in source for a comment, external for the suppressions file', async () => {
    const dir = tempDir();
    const commented = `<!-- ogi-lint-disable required-sections -->\n${MISSING_FIVE}`;
    writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules(RULES) }, 'a.md': commented, 'b.txt': MISSING_FIVE });
    await main(['b.txt', '--suppress-all'], memoryIO(dir));
    const o = memoryIO(dir);
    expect(await main(['a.md', 'b.txt', '-f', 'sarif'], o)).toBe(0);
    const log = JSON.parse(o.out) as SarifLog;
    expect(sarifValidator()(log).errors).toBeNull();
    const byFile = (uri: string): SarifResult[] => log.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri);
    expect(byFile('a.md').map((r) => [r.ruleId, r.suppressions])).toEqual([['required-sections', [{ kind: 'inSource', status: 'accepted' }]]]);
    expect(byFile('b.txt').map((r) => [r.ruleId, r.suppressions])).toEqual([['required-sections', [{ kind: 'external', status: 'accepted' }]]]);
  });

  it('leaves out a finding merged into a more specific one: the same defect is one result, not a suppressed alert', async () => {
    const file = path.join(repoRoot, 'fixtures', 'samples', 'untitled-garbled-period.txt');
    const o = memoryIO(path.dirname(file));
    await main([file, '--no-config', '-f', 'json'], o);
    const [result] = JSON.parse(o.out) as LintResult[];
    const superseded = (result!.suppressedMessages ?? []).filter((m) => m.suppressions.every((x) => x.kind === 'superseded'));
    // the sample has one, or the test would prove nothing
    expect(superseded.length).toBeGreaterThan(0);
    const log = JSON.parse(sarif([result!], { cwd: path.dirname(file) })) as SarifLog;
    expect(sarifValidator()(log).errors).toBeNull();
    expect(log.runs[0]!.results).toHaveLength(result!.messages.length);
    expect(log.runs[0]!.results.filter((r) => r.suppressions)).toEqual([]);
  });

  it('on the real binary: a folder with a fixable, a suppressed, a missing and an unreadable file gives one valid log', async () => {
    const dir = tempDir();
    writeTree(dir, {
      '.ogilintrc.json': { root: true, rules: onlyRules(RULES) },
      'fix.txt': BRACKETS,
      'quiet.md': `<!-- ogi-lint-disable required-sections -->\n${MISSING_FIVE}`,
      'bad.txt': MISSING_FIVE,
    });
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = run(['.', 'gone.txt', '-f', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(sarifValidator()(log).errors).toBeNull();
    const run0 = log.runs[0]!;
    expect(run0.invocations[0]!.executionSuccessful).toBe(true);
    const notes = run0.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => [n.level, n.descriptor?.id, n.locations[0]!.physicalLocation.artifactLocation.uri]).sort()).toEqual([
      ['error', 'file-unreadable', 'empty.txt'],
      ['error', 'file-unreadable', 'gone.txt'],
    ]);
    expect(run0.results.filter((x) => x.fixes).length).toBe(2);
    expect(run0.results.filter((x) => x.suppressions).map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['quiet.md']);
    for (const x of run0.results) if (x.ruleId) expect(run0.tool.driver.rules[x.ruleIndex!]!.id).toBe(x.ruleId);
    // the reader's findings are described too, with where the readable inputs are listed
    const reader = run0.tool.driver.rules.find((x) => x.id === 'file-unreadable')!;
    expect(reader.helpUri).toMatch(/^https:\/\/.*#supported-inputs$/);
    expect(reader.properties.tags).toEqual(['ogi-lint', 'input']);
    // the same findings as the JSON (the same main, in this process), less the suppressed ones
    const json = JSON.parse((await runMain(['.', 'gone.txt', '-f', 'json'], { cwd: dir })).stdout) as LintResult[];
    expect(run0.results.filter((x) => !x.suppressions)).toHaveLength(json.reduce((n, x) => n + x.messages.length, 0));
  });
});
