import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { workerFile } from '../src/audit/pool.js';
import { scriptIfFresh } from '../src/util/fresh.js';
import { ensureBuilt, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

/*
 * The pool's worker threads run dist/worker.cjs, the worker's modules joined into one script by
 * scripts/bundle-worker.mjs. It must check every kind of input exactly as the modules it is made
 * from: the same findings, tables, excerpts and fingerprints, bad files included.
 */

const script = path.join(repoRoot, 'dist', 'worker.cjs');
const module = path.join(repoRoot, 'dist', 'src', 'audit', 'worker.js');

/** Every report and bad input the fixtures hold: each format, layout and way of being broken. */
function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(sh|json)$|README/.test(e.name)) out.push(p);
    }
  };
  for (const d of ['corpus', 'samples', 'html', 'pdf', 'inputs', 'hostile', 'tables', 'prose', 'hygiene']) walk(path.join(repoRoot, 'fixtures', d));
  return out;
}

beforeAll(() => ensureBuilt());

describe('the worker script', () => {
  it('is what the pool runs once built', () => {
    expect(workerFile()).toBe(script);
  });

  /** An empty script and module in `dir`, made there. */
  const scriptAndModule = (dir: string): [string, string] => {
    mkdirSync(dir, { recursive: true });
    const [s, m] = ['worker.cjs', 'worker.js'].map((f) => path.join(dir, f)) as [string, string];
    writeFileSync(s, '');
    writeFileSync(m, '');
    return [s, m];
  };

  it('is left for the modules when a build since made it older (tsc alone)', () => {
    const dir = tempDir();
    const [s, m] = scriptAndModule(dir);
    utimesSync(m, 1000, 1000);
    utimesSync(s, 2000, 2000);
    expect(scriptIfFresh(s, m)).toBe(s);
    utimesSync(s, 1000, 1000);
    expect(scriptIfFresh(s, m)).toBe(s);
    utimesSync(m, 3000, 3000);
    expect(scriptIfFresh(s, m)).toBe(m);
    expect(scriptIfFresh(path.join(dir, 'missing.cjs'), m)).toBe(m);
  });

  it('is taken in an installed package even when npm unpacked it before the module', () => {
    const dir = path.join(tempDir(), 'node_modules', 'ogi-lint', 'dist');
    const [s, m] = scriptAndModule(dir);
    utimesSync(s, 1000, 1000);
    utimesSync(m, 1001, 1001);
    expect(scriptIfFresh(s, m)).toBe(s);
    expect(scriptIfFresh(path.join(dir, 'missing.cjs'), m)).toBe(m);
  });

  it('checks every fixture exactly as the worker modules do', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(100);
    // both in one child process, file by file, as a worker thread would (an audit's results: findings, tables, fingerprints)
    const check = `
import { createRequire } from 'node:module';
const files = JSON.parse(process.env.FILES);
const fromModules = await import(${JSON.stringify(pathToFileURL(module).href)});
const fromScript = createRequire(import.meta.url)(${JSON.stringify(script)});
const differ = [];
let findings = 0;
for (const file of files) {
  const tasks = [{ file, keep: 'audit', useConfig: false }];
  const run = (w) => w.checkFiles({ tasks, progress: new Int32Array(new SharedArrayBuffer(8)), started: Date.now() });
  const [a, b] = [JSON.stringify(await run(fromModules)), JSON.stringify(await run(fromScript))];
  if (a !== b) differ.push(file);
  findings += JSON.parse(a)[0].messages.length;
}
console.log(JSON.stringify({ differ, findings }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', check], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, FILES: JSON.stringify(files) }, maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const { differ, findings } = JSON.parse(r.stdout) as { differ: string[]; findings: number };
    expect(differ).toEqual([]);
    // the files were checked, not merely read: the corpus's defects and the hostile inputs give findings
    expect(findings).toBeGreaterThan(files.length);
  }, 300_000);
});
