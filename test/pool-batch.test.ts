import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchSize, defaultThreads, FILES_PER_THREAD, FilePool, MAX_BATCH } from '../src/audit/pool.js';
import type { FileOutcome } from '../src/audit/record.js';
import { independentSet, writeSet } from './helpers/audit-set.js';
import { ensureBuilt, tempDir } from './helpers/cli.js';

/**
 * The pool hands a worker several files at once; the budget stays each file's own. A file over
 * the time or the memory limit in the middle of a batch gets its finding and the others their
 * results; a batch that takes longer in all than one file's time limit, each of its files well
 * within it, is not stopped.
 */
ensureBuilt();

const dir = tempDir();
const set = independentSet(4242, 3);
writeSet(dir, set);
const good = [...set.files.values()].map((f) => path.join(dir, f));
// the Markdown parser matches emphasis marks with one another in time that grows with their
// square: about 45 s over 60,000 (`*_` 30,000 times), and 0.15–0.3 s over 4,000 (ten times that
// on a machine busy with the rest of the tests leaves each well within a limit of 2.5 s)
const nested = path.join(dir, 'nested.md');
writeFileSync(nested, `${'*_'.repeat(30_000)} 引文\n`);
const slow = Array.from({ length: 32 }, (_, i) => {
  const p = path.join(dir, `slow-${i}.md`);
  writeFileSync(p, `${'*_'.repeat(2_000)} 引文${i}\n`);
  return p;
});

const pools: FilePool[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});
const pool = (timeoutMs: number): FilePool => {
  const p = new FilePool(1, { timeoutMs, memoryMb: 768 }, 'zh');
  pools.push(p);
  return p;
};
const tooComplex = (o: FileOutcome): boolean => o.messages.some((m) => m.ruleId === 'file-too-complex');

describe('FilePool.checkBatch', () => {
  it('gives the file over budget in the middle of a batch its finding, and the files before and after it their results', async () => {
    const p = pool(3000);
    await p.warm();
    const files = [good[0]!, good[1]!, nested, good[2]!, good[3]!];
    const out = await p.checkBatch(files.map((file) => ({ file, keep: 'lint' as const })));
    expect(out.map((o) => o.filePath)).toEqual(files);
    expect(out.map(tooComplex)).toEqual([false, false, true, false, false]);
    const finding = out[2]!.messages[0]!;
    expect(finding.message).toContain('3 秒');
    for (const o of [out[0]!, out[1]!, out[3]!, out[4]!]) {
      expect(o.report?.year).toBeTypeOf('number');
      expect(o.messages.some((m) => m.fatal)).toBe(false);
    }
  }, 120_000);

  it('gives the file over the memory limit in a batch its finding, and the others their results', async () => {
    // 600,000 short lines (10 MB, under the size cap): far more than a 96 MB heap holds once read
    const big = path.join(dir, 'big-lines.txt');
    writeFileSync(big, '第一行内容 1 2 3\n'.repeat(600_000));
    const p = new FilePool(1, { timeoutMs: 120_000, memoryMb: 96 }, 'en');
    pools.push(p);
    await p.warm();
    const files = [good[0]!, big, good[1]!];
    const out = await p.checkBatch(files.map((file) => ({ file, keep: 'lint' as const })));
    expect(out.map((o) => o.filePath)).toEqual(files);
    expect(out[1]!.messages).toHaveLength(1);
    expect(out[1]!.messages[0]!.ruleId).toBe('file-too-complex');
    expect(out[1]!.messages[0]!.message).toContain('memory limit (96 MB)');
    for (const o of [out[0]!, out[2]!]) expect(o.report?.year).toBeTypeOf('number');
  }, 180_000);

  it('counts the time limit per file, not per batch', async () => {
    const p = pool(2500);
    await p.warm();
    const t = Date.now();
    const out = await p.checkBatch(slow.map((file) => ({ file, keep: 'lint' as const })));
    const took = Date.now() - t;
    // the batch as a whole ran past the limit of one file…
    expect(took).toBeGreaterThan(2500);
    // …and no file was stopped: each took a fraction of it
    expect(out.filter(tooComplex)).toEqual([]);
    expect(out.map((o) => o.filePath)).toEqual(slow);
  }, 120_000);

  it('is one file at a time with fewer files than the threads can share, and at most MAX_BATCH', () => {
    expect(batchSize(3, 2)).toBe(1);
    expect(batchSize(8, 2)).toBe(1);
    expect(batchSize(40, 2)).toBe(5);
    expect(batchSize(100_000, 2)).toBe(MAX_BATCH);
    expect(batchSize(100_000, 64)).toBe(MAX_BATCH);
    expect(batchSize(0, 2)).toBe(1);
  });

  it('starts a thread for every FILES_PER_THREAD files when not told how many, at most one per core', () => {
    // each thread warms up on its own: a second one for fewer files costs more CPU than it saves time
    expect(defaultThreads(0, 8)).toBe(1);
    expect(defaultThreads(5, 8)).toBe(1);
    expect(defaultThreads(FILES_PER_THREAD - 1, 8)).toBe(1);
    expect(defaultThreads(2 * FILES_PER_THREAD - 1, 8)).toBe(1);
    expect(defaultThreads(2 * FILES_PER_THREAD, 8)).toBe(2);
    expect(defaultThreads(100_000, 8)).toBe(8);
    expect(defaultThreads(100_000, 2)).toBe(2);
    expect(defaultThreads(100_000, 1)).toBe(1);
  });
});
