import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { bin, ensureBuilt, runAsync, tempDir, type Run } from './helpers/cli.js';
import { independentSet, writeSet } from './helpers/audit-set.js';
import { processesWith } from './helpers/processes.js';

/** Whole lines written so far. */
function linesIn(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
}

/** Start an audit and stop it with `signal` once `after` files are done; resolves to its exit code and signal. */
function interrupt(args: string[], resultsFile: string, after: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; linesAtStop: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stopped = false;
    let linesAtStop = 0;
    const timer = setInterval(() => {
      if (stopped) return;
      const n = linesIn(resultsFile);
      if (n >= after) {
        stopped = true;
        linesAtStop = n;
        child.kill(signal);
      }
    }, 5);
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      if (!stopped) return reject(new Error('the audit ended before it could be interrupted'));
      // the audit runs in a child process of the one killed (src/cli/respawn.ts): it stops when it sees its parent gone
      const out = path.dirname(resultsFile);
      const since = Date.now();
      const gone = setInterval(() => {
        if (existsSync('/proc/self') && processesWith(out).length > 0 && Date.now() - since < 10_000) return;
        clearInterval(gone);
        resolve({ code, signal: sig, linesAtStop });
      }, 5);
    });
  });
}

/** audit.json without what says how this run went (files checked now and reused). */
function outcome(dir: string): unknown {
  const a = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')) as { totals: Record<string, unknown> };
  delete a.totals.checked;
  delete a.totals.reused;
  return a;
}

beforeAll(() => ensureBuilt());

describe('an interrupted audit resumes', () => {
  const dir = tempDir();
  // enough files that a signal sent after the fifth reaches the audit well before the last, however loaded the machine
  const set = independentSet(99, 30);
  writeSet(dir, set);
  const total = set.specs.size;
  const reference = path.join(tempDir(), 'out');
  // the uninterrupted run, beside the interrupted ones (each audit is its own process)
  let uninterrupted: Promise<Run>;
  beforeAll(() => {
    uninterrupted = runAsync(['audit', dir, '--out-dir', reference, '-j', '1']);
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it.concurrent(`after ${signal}: the same outputs as an uninterrupted run, finished files not read again`, async ({ expect }) => {
      const out = path.join(tempDir(), 'out');
      const results = path.join(out, 'results.ndjson');
      const stop = await interrupt(['audit', dir, '--out-dir', out, '-j', '1'], results, 5, signal);
      if (signal === 'SIGINT') expect(stop.code).toBe(130);
      else expect(stop.signal).toBe('SIGKILL');
      const kept = linesIn(results);
      expect(kept).toBeGreaterThanOrEqual(stop.linesAtStop);
      expect(kept).toBeLessThan(total);
      expect(existsSync(path.join(out, 'audit.json'))).toBe(false);

      const r = await runAsync(['audit', dir, '--out-dir', out, '-j', '1']);
      expect(r.code).toBe(0);
      expect((await uninterrupted).code).toBe(0);
      const a = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { totals: { checked: number; reused: number } };
      expect(a.totals.reused).toBe(kept);
      expect(a.totals.checked).toBe(total - kept);
      expect(readFileSync(results, 'utf8')).toBe(readFileSync(path.join(reference, 'results.ndjson'), 'utf8'));
      expect(outcome(out)).toEqual(outcome(reference));
      expect(readFileSync(path.join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(path.join(reference, 'summary.csv'), 'utf8'));
      // nothing the interrupted run was writing is left behind
      expect(readdirSync(out).sort()).toEqual(readdirSync(reference).sort());
    }, 120_000);
  }
});

describe('a re-run whose state was changed by hand', () => {
  it('checks again a file whose line no longer reads as JSON, though its start and end are whole', async ({ expect }) => {
    const dir = tempDir();
    const set = independentSet(7, 6);
    writeSet(dir, set);
    const out = path.join(tempDir(), 'out');
    const first = await runAsync(['audit', dir, '--out-dir', out, '-j', '1']);
    expect(first.code).toBe(0);
    const results = path.join(out, 'results.ndjson');
    const reference = readFileSync(results, 'utf8');
    const before = outcome(out);
    // one line broken in its middle: its file's name and its state still read at its ends
    const lines = reference.trimEnd().split('\n');
    const broken = lines[2]!.replace('"messages":[', '"messages":[[');
    expect(broken).not.toBe(lines[2]);
    expect(() => JSON.parse(broken)).toThrow();
    writeFileSync(results, [...lines.slice(0, 2), broken, ...lines.slice(3)].map((l) => `${l}\n`).join(''));

    const again = await runAsync(['audit', dir, '--out-dir', out, '-j', '1']);
    expect(again.code).toBe(0);
    const a = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { totals: { checked: number; reused: number } };
    expect(a.totals).toMatchObject({ checked: 1, reused: lines.length - 1 });
    expect(readFileSync(results, 'utf8')).toBe(reference);
    expect(outcome(out)).toEqual(before);
  }, 120_000);
});
