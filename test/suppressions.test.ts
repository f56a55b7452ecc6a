import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLETE, MISSING_FIVE, memoryIO, onlyRules, tempDir, writeTree } from './helpers/cli.js';
import { reportToDocx } from './helpers/docx.js';
import { main } from '../src/cli/main.js';

/** The suppressions file: accept today's findings, report only new ones (ESLint 9's bulk suppressions). */

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number }[];
  suppressedMessages: { ruleId: string | null; suppressions: { kind: string }[] }[];
  errorCount: number;
}

async function cli(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const o = memoryIO(dir);
  const code = await main(args, o);
  return { code, out: o.out, err: o.err };
}

const PLACEHOLDER = COMPLETE.replace('本局认真贯彻《条例》。', '本局于XX年发布文件，XX月完成。');

function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error', placeholder: 'error' }) }, ...files });
  return dir;
}

describe('--suppress-all', () => {
  it('writes the counts by file and rule, and later runs report only what is new', async () => {
    const dir = project({ 'a.txt': MISSING_FIVE, 'b/c.txt': PLACEHOLDER, 'ok.txt': COMPLETE.replace('某某局', '青禾县民政局') });
    const first = await cli(dir, ['.', '--suppress-all']);
    expect(first.code).toBe(0);
    expect(first.err).toContain('ogi-lint-suppressions.json');
    const file = JSON.parse(readFileSync(path.join(dir, 'ogi-lint-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(file['a.txt']).toEqual({ placeholder: { count: 1 }, 'required-sections': { count: 1 } });
    expect(file['b/c.txt']!.placeholder!.count).toBeGreaterThanOrEqual(2);
    expect(file['ok.txt']).toBeUndefined();

    const again = await cli(dir, ['.', '-f', 'json']);
    expect(again.code).toBe(0);
    const res = JSON.parse(again.out) as JsonResult[];
    expect(res.every((r) => r.messages.length === 0)).toBe(true);
    expect(res.find((r) => r.filePath.endsWith('a.txt'))!.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([
      ['placeholder', 'file'],
      ['required-sections', 'file'],
    ]);

    // a new finding of a rule in a file: every finding of that rule there is reported again
    writeFileSync(path.join(dir, 'b', 'c.txt'), PLACEHOLDER.replace('见下表。', '见下表XX。'));
    const more = await cli(dir, ['.', '-f', 'json']);
    expect(more.code).toBe(1);
    const c = (JSON.parse(more.out) as JsonResult[]).find((r) => r.filePath.endsWith('c.txt'))!;
    expect(c.messages.length).toBe(file['b/c.txt']!.placeholder!.count + 1);
  });

  it('accepts the findings of a Word document, which cannot carry a comment', async () => {
    const dir = project({});
    writeFileSync(path.join(dir, 'r.docx'), await reportToDocx(MISSING_FIVE));
    expect((await cli(dir, ['r.docx'])).code).toBe(1);
    expect((await cli(dir, ['r.docx', '--suppress-all'])).code).toBe(0);
    const after = await cli(dir, ['r.docx']);
    expect(after.code).toBe(0);
    expect(after.out).toBe('✔ 1 份报告未发现问题\n');
  });

  it('--prune-suppressions drops counts no longer needed; without it a note says so', async () => {
    const dir = project({ 'a.txt': MISSING_FIVE });
    await cli(dir, ['a.txt', '--suppress-all']);
    writeFileSync(path.join(dir, 'a.txt'), MISSING_FIVE.replace('某某局', '青禾县民政局'));
    const note = await cli(dir, ['a.txt']);
    expect(note.code).toBe(0);
    expect(note.err).toContain('--prune-suppressions');
    await cli(dir, ['a.txt', '--prune-suppressions']);
    expect(JSON.parse(readFileSync(path.join(dir, 'ogi-lint-suppressions.json'), 'utf8'))).toEqual({ 'a.txt': { 'required-sections': { count: 1 } } });
    expect((await cli(dir, ['a.txt'])).err).toBe('');
  });
});

describe('--suppress-rule', () => {
  it('records the named rules only, keeping the other entries', async () => {
    const dir = project({ 'a.txt': MISSING_FIVE });
    const r = await cli(dir, ['a.txt', '--suppress-rule', 'placeholder', '-f', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as JsonResult[])[0]!.messages.map((m) => m.ruleId)).toEqual(['required-sections']);
    expect(JSON.parse(readFileSync(path.join(dir, 'ogi-lint-suppressions.json'), 'utf8'))).toEqual({ 'a.txt': { placeholder: { count: 1 } } });
    await cli(dir, ['a.txt', '--suppress-rule', 'required-sections']);
    expect(JSON.parse(readFileSync(path.join(dir, 'ogi-lint-suppressions.json'), 'utf8'))).toEqual({ 'a.txt': { placeholder: { count: 1 }, 'required-sections': { count: 1 } } });
  });

  it('an unknown rule, --suppress-all with --suppress-rule, and a damaged file are refused with exit 2', async () => {
    const dir = project({ 'a.txt': MISSING_FIVE });
    const unknown = await cli(dir, ['a.txt', '--suppress-rule', 'placeholdr']);
    expect([unknown.code, unknown.err.trim()]).toEqual([2, 'ogi-lint：--suppress-rule：没有名为“placeholdr”的规则，是否想写“placeholder”？']);
    const both = await cli(dir, ['a.txt', '--suppress-all', '--suppress-rule', 'placeholder']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--suppress-all 与 --suppress-rule 不能同时使用');
    expect(existsSync(path.join(dir, 'ogi-lint-suppressions.json'))).toBe(false);
    writeFileSync(path.join(dir, 'ogi-lint-suppressions.json'), '{"a.txt": {"placeholder": {"count": "many"}}}');
    const damaged = await cli(dir, ['a.txt']);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toContain('ogi-lint-suppressions.json');
  });

  it('--suppressions-location names another file', async () => {
    const dir = project({ 'a.txt': MISSING_FIVE });
    await cli(dir, ['a.txt', '--suppress-all', '--suppressions-location', 'ci/accepted.json']);
    expect(existsSync(path.join(dir, 'ci', 'accepted.json'))).toBe(true);
    expect((await cli(dir, ['a.txt', '--suppressions-location', 'ci/accepted.json'])).code).toBe(0);
    expect((await cli(dir, ['a.txt'])).code).toBe(1);
  });
});
