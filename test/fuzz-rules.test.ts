import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './helpers/corpus.js';
import { ensureBuilt } from './helpers/cli.js';

/**
 * Every rule (all of rules/index.ts, so rules added later are covered) and the model under it, on
 * pathological lines of 1 MB, and on 1 MB of short lines that the table readers take for one table
 * (a drawn table or a cell-per-line table that never ends: every line runs on into one row).
 * Regular expressions that backtrack catastrophically do not slow down; they never finish. A synchronous regex cannot be interrupted inside the test runner, so
 * each line is checked in a child process that is killed if it runs past a generous bound; the
 * child reports each stage as it finishes, so a failure names the stage (model or rule) that hung.
 * The bound is there to catch runaway (quadratic or exponential) behaviour, not to measure speed.
 */

const MB = 1 << 20;
const BOUND_MS = 30_000;

/** Units repeated to 1 MB. */
const LINES: Record<string, string> = {
  'repeated digits': '7',
  'full-width digits': '７',
  'repeated 年': '年',
  'repeated |': '|',
  'repeated （一）': '（一）',
  'Chinese without punctuation': '政府信息公开工作年度报告统计期限自至止联系电话地址邮编主动公开依申请',
  'dates without end': '2021年1月1日至',
  'figures': '1,234.5件',
  'numbering': '一、',
  'Latin letters': 'a',
  'a rule drawn across the page': '─',
  'rows of a drawn table': '│0       │1       │\n├────────┼────────┤\n',
  'rows of an ASCII grid': '| 0 | 1 |\n+---+---+\n',
  'cells one per line': '0\n|\n',
  'lines without a pipe inside a table': '| a | b |\n甲\n',
};

const runner = (dist: string): string => `
const [{ readBuffer }, { modelDocument }, { runRules }, { allRules }] = await Promise.all([
  import(${JSON.stringify(pathToFileURL(path.join(dist, 'src/read/index.js')).href)}),
  import(${JSON.stringify(pathToFileURL(path.join(dist, 'src/lint.js')).href)}),
  import(${JSON.stringify(pathToFileURL(path.join(dist, 'src/rules/engine.js')).href)}),
  import(${JSON.stringify(pathToFileURL(path.join(dist, 'rules/index.js')).href)}),
]);
const unit = process.env.UNIT;
const line = unit.repeat(Math.ceil(${MB} / Buffer.byteLength(unit)));
const text = '某某局2021年政府信息公开工作年度报告\\n一、总体情况\\n' + line + '\\n二、主动公开政府信息情况\\n';
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
say({ rules: allRules.map((r) => r.id) });
for (const generation of ['legacy', 'format-2019', 'format-2021']) {
  say({ stage: 'model', generation, start: true });
  let t = Date.now();
  const { report, profile } = modelDocument(readBuffer(Buffer.from(text), 'r.txt'), { profile: generation });
  say({ stage: 'model', generation, ms: Date.now() - t });
  for (const rule of allRules) {
    say({ stage: rule.id, generation, start: true });
    t = Date.now();
    const messages = runRules(report, { rules: [rule], profile, locale: 'zh' });
    const crashed = messages.filter((m) => m.message.startsWith('规则 ' + rule.id + ' 运行出错'));
    say({ stage: rule.id, generation, ms: Date.now() - t, crashed: crashed.map((m) => m.message) });
  }
}
say({ done: true });
`;

interface Line {
  stage?: string;
  generation?: string;
  ms?: number;
  start?: boolean;
  crashed?: string[];
  rules?: string[];
  done?: boolean;
}

describe('rules and the model on pathological 1 MB lines', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  for (const [name, unit] of Object.entries(LINES)) {
    it(name, () => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', runner(path.join(repoRoot, 'dist'))], {
        env: { ...process.env, UNIT: unit },
        encoding: 'utf8',
        timeout: BOUND_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * MB,
      });
      const lines = r.stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Line);
      const last = lines[lines.length - 1];
      const hung = last?.start ? `${last.stage} (${last.generation})` : 'start-up';
      // the slowest stages, to name in a failure
      const slow = lines
        .filter((l) => l.ms !== undefined)
        .sort((a, b) => b.ms! - a.ms!)
        .slice(0, 3)
        .map((l) => `${l.stage} (${l.generation}) ${l.ms} ms`);
      expect({ finished: lines.some((l) => l.done), hung: r.status === null ? hung : undefined, stderr: r.stderr.slice(0, 500) }, `slowest: ${slow.join(', ')}`).toEqual({
        finished: true,
        hung: undefined,
        stderr: '',
      });
      const ruleCount = lines[0]!.rules!.length;
      expect(lines.filter((l) => l.ms !== undefined && l.stage !== 'model')).toHaveLength(3 * ruleCount);
      expect(lines.flatMap((l) => l.crashed ?? [])).toEqual([]);
    }, BOUND_MS + 30_000);
  }
});
