import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditOptions } from '../src/audit/run.js';
import { ensureBuilt, tempDir } from './helpers/cli.js';
import { independentSet, writeSet } from './helpers/audit-set.js';

beforeAll(() => ensureBuilt());

function options(dir: string, outDir: string, progress: AuditOptions['progress'] = { write: () => true }): AuditOptions {
  return { paths: [dir], cwd: dir, outDir, locale: 'en', threads: 1, progress, progressEvery: 3600 };
}

/** audit.json without what says how this run went (files checked now and reused). */
function outcome(out: string): unknown {
  const a = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { totals: Record<string, unknown> };
  delete a.totals.checked;
  delete a.totals.reused;
  return a;
}

describe('an audit stopped by its AbortSignal', () => {
  it('once its files are checked: keeps every result, leaves no summary and no temporary file; the next run writes what an uninterrupted run writes', async () => {
    const dir = tempDir();
    const set = independentSet(21, 4);
    writeSet(dir, set);
    const total = set.specs.size;
    const out = path.join(tempDir(), 'out');
    const ac = new AbortController();
    const said: string[] = [];
    // stopped as the last file's progress line is written: the stage after the files has not begun
    const progress = {
      write: (s: string): boolean => {
        said.push(s);
        if (s.includes(`${total}/${total} files`)) ac.abort();
        return true;
      },
    };
    const stopped = await runAudit({ ...options(dir, out, progress), signal: ac.signal });
    expect(ac.signal.aborted).toBe(true);
    expect(stopped.exitCode).toBe(130);
    expect(stopped.interrupted).toBe(true);
    expect(said.at(-1)).toContain(`interrupted: the results of ${total} files are saved`);
    expect(readdirSync(out)).toEqual(['results.ndjson']);
    expect(readFileSync(path.join(out, 'results.ndjson'), 'utf8').split('\n').filter(Boolean)).toHaveLength(total);

    const againSaid: string[] = [];
    const again = await runAudit(options(dir, out, { write: (s: string) => againSaid.push(s) }));
    expect(again.interrupted).toBe(false);
    // every file was already checked: nothing is left to wait for, though none was checked now
    expect(againSaid.find((s) => s.includes(`${total}/${total} files`))).toContain(', 0 s left,');
    expect(again.totals.reused).toBe(total);
    expect(again.totals.checked).toBe(0);
    const reference = path.join(tempDir(), 'reference');
    const told: string[] = [];
    const whole = await runAudit(options(dir, reference, { write: (s: string) => told.push(s) }));
    // after the files, each stage says what it does, so that a long one is not taken for a hang
    const stages = told.map((s) => s.replace(/^ogi-lint audit: /, '').split(/[:(]/)[0]!.trim());
    expect(stages.slice(-3)).toEqual([`reading back the results of ${total} reports and checking across them…`, 'writing the summaries', 'audit done']);
    expect(told.at(-2)).toContain(`: 0/${total} reports`);
    expect(again.exitCode).toBe(whole.exitCode);
    expect(readdirSync(out).sort()).toEqual(readdirSync(reference).sort());
    expect(outcome(out)).toEqual(outcome(reference));
    for (const f of ['results.ndjson', 'summary.csv']) expect(readFileSync(path.join(out, f), 'utf8')).toBe(readFileSync(path.join(reference, f), 'utf8'));
  }, 120_000);

  it('stopped before it starts, it checks nothing and writes no summary', async () => {
    const dir = tempDir();
    writeSet(dir, independentSet(22, 2));
    const out = path.join(tempDir(), 'out');
    const ac = new AbortController();
    ac.abort();
    const said: string[] = [];
    const r = await runAudit({ ...options(dir, out, { write: (s: string) => said.push(s) }), signal: ac.signal });
    expect(r.exitCode).toBe(130);
    expect(r.totals.checked).toBe(0);
    expect(said.at(-1)).toContain('interrupted: the results of 0 files are saved');
    expect(readdirSync(out).filter((f) => f !== 'results.ndjson')).toEqual([]);
  });
});
