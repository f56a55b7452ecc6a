import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportScoped, nextReport } from '../src/util/report-scoped.js';
import { lintText } from '../src/lint.js';
import { ensureBuilt, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { renderReport } from './helpers/layouts.js';
import { reportModel } from './helpers/report-models.js';

/**
 * What is cached about a report's objects is let go when the next report is modelled, so that it
 * dies young with the report: V8's scavenger holds the values of a long-lived WeakMap strongly, and a
 * module-level WeakMap of a report's objects had each scavenge promote most of a report's model.
 */

describe('a cache of one report’s objects', () => {
  it('answers within the report, and forgets when the next report is modelled', () => {
    const cache = new ReportScoped<object, number>();
    const a = {};
    cache.set(a, 1);
    expect(cache.get(a)).toBe(1);
    expect(cache.has(a)).toBe(true);
    nextReport();
    expect(cache.get(a)).toBeUndefined();
    expect(cache.has(a)).toBe(false);
  });

  it('is emptied by modelling a report, and the findings of a report linted again are the same', () => {
    const [m] = fc.sample(reportModel, { numRuns: 1, seed: 11 });
    const { text, filename } = renderReport(m!, 'pipe');
    const first = lintText(text, filename).messages;
    const cache = new ReportScoped<object, number>();
    const key = {};
    cache.set(key, 1);
    expect(lintText(text, filename).messages).toEqual(first);
    expect(cache.get(key)).toBeUndefined();
  });

  it('lets the garbage collector free a report young: linting one report again and again promotes next to nothing', () => {
    ensureBuilt();
    const [m] = fc.sample(reportModel, { numRuns: 1, seed: 5 });
    const { text, filename } = renderReport(m!, 'pipe');
    const file = path.join(tempDir(), filename);
    writeFileSync(file, text);
    const dist = (p: string): string => pathToFileURL(path.join(repoRoot, 'dist/src', p)).href;
    const script = `
      const { lintDocument } = await import(${JSON.stringify(dist('lint.js'))});
      const { readBuffer } = await import(${JSON.stringify(dist('read/index.js'))});
      const bytes = (await import('node:fs')).readFileSync(${JSON.stringify(file)});
      for (let i = 0; i < 800; i++) lintDocument(readBuffer(bytes, ${JSON.stringify(filename)}));`;
    const r = spawnSync(process.execPath, ['--trace-gc-nvp', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    // the young-generation collections once everything is loaded and warm
    const scavenges = r.stdout.split('\n').filter((l) => / gc=s /.test(l)).slice(-15);
    expect(scavenges.length).toBeGreaterThanOrEqual(10);
    const promoted = scavenges.map((l) => Number(/ promoted=(\d+)/.exec(l)![1]));
    // (each scavenge promoted about 1.4 MB of a report kept by the caches' values)
    expect(promoted.reduce((a, b) => a + b, 0) / promoted.length).toBeLessThan(200_000);
  }, 120_000);
});
