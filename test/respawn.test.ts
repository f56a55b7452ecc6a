import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { checksManyFiles, holdsAtLeast, jobsAsked, RESPAWN_FROM, shouldRespawn, tuneForManyFiles } from '../src/cli/respawn.js';
import { FILES_PER_THREAD } from '../src/util/threads.js';
import { bin, ensureBuilt, runAsync, tempDir } from './helpers/cli.js';
import { independentSet, writeSet } from './helpers/audit-set.js';
import { processesWith } from './helpers/processes.js';
import { repoRoot } from './helpers/corpus.js';

const linux = existsSync('/proc/self/cmdline');

/** A folder with `n` empty report files spread over `parts` subfolders, and `hidden` more where the lint does not look. */
function folderOf(n: number, parts = 1, hidden = 0): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `part${i % parts}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `r${i}.md`), '');
  }
  for (const skipped of ['.git', 'node_modules']) {
    mkdirSync(path.join(dir, skipped), { recursive: true });
    for (let i = 0; i < hidden; i++) writeFileSync(path.join(dir, skipped, `r${i}.md`), '');
  }
  return dir;
}

describe('which runs count as runs over many files', () => {
  it('audit, a folder, a glob or five files and more', () => {
    expect(checksManyFiles(['audit', 'x'])).toBe(true);
    expect(checksManyFiles(['--locale', 'en'])).toBe(false);
    expect(checksManyFiles([path.join(repoRoot, 'fixtures/samples')])).toBe(true);
    expect(checksManyFiles(['reports/**/*.md'])).toBe(true);
    expect(checksManyFiles(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'])).toBe(true);
  });

  it('not one file, standard input, the language server, --fix, help, or a command that checks nothing', () => {
    expect(checksManyFiles(['a.md'])).toBe(false);
    expect(checksManyFiles(['-'])).toBe(false);
    expect(checksManyFiles(['--lsp'])).toBe(false);
    expect(checksManyFiles([path.join(repoRoot, 'fixtures/samples'), '--fix'])).toBe(false);
    expect(checksManyFiles(['audit', '--help'])).toBe(false);
    for (const c of ['rules', 'extract', 'web', 'aggregate', 'init']) expect(checksManyFiles([c, path.join(repoRoot, 'fixtures/samples')])).toBe(false);
  });

  it('never twice, and not when node was given its own pool size', () => {
    expect(shouldRespawn(['audit', 'x', '-j', '2'], {}, [])).toBe(process.platform !== 'win32');
    expect(shouldRespawn(['audit', 'x', '-j', '2'], { OGI_LINT_CHILD: '1' }, [])).toBe(false);
    expect(shouldRespawn(['audit', 'x', '-j', '2'], {}, ['--v8-pool-size=4'])).toBe(false);
  });

  it('reads --jobs in each of its forms', () => {
    expect(jobsAsked(['audit', 'x'])).toBeUndefined();
    expect(jobsAsked(['audit', 'x', '-j', '3'])).toBe(3);
    expect(jobsAsked(['-j3', 'x'])).toBe(3);
    expect(jobsAsked(['-j=3', 'x'])).toBe(3);
    expect(jobsAsked(['x', '--jobs', '4'])).toBe(4);
    expect(jobsAsked(['x', '--jobs=4', '-f', 'json'])).toBe(4);
    expect(jobsAsked(['x', '--jobs', 'many'])).toBeNaN();
  });
});

describe.runIf(process.platform !== 'win32')('which runs start node again with one V8 helper thread', () => {
  it('an audit of any size on two threads or more', () => {
    expect(shouldRespawn(['audit', folderOf(3), '-j', '2'], {}, [])).toBe(true);
    expect(shouldRespawn(['audit', '--jobs=4', folderOf(3)], {}, [])).toBe(true);
  });

  it('a lint on two threads or more of a folder that holds RESPAWN_FROM files or more, counted across its folders', () => {
    expect(shouldRespawn([folderOf(RESPAWN_FROM, 7), '-f', 'json', '-j', '2'], {}, [])).toBe(true);
    expect(shouldRespawn(['-j2', folderOf(RESPAWN_FROM - 10, 3), folderOf(10)], {}, [])).toBe(true);
  });

  it('without --jobs, a run over enough files for two threads', () => {
    const many = folderOf(2 * FILES_PER_THREAD, 5);
    expect(shouldRespawn([many], {}, [])).toBe(true);
    expect(shouldRespawn(['audit', many], {}, [])).toBe(true);
    const fewer = folderOf(2 * FILES_PER_THREAD - 1, 5);
    expect(shouldRespawn([fewer], {}, [])).toBe(false);
    expect(shouldRespawn(['audit', fewer], {}, [])).toBe(false);
  });

  it('not a run on one thread: its helper threads compete with nothing', () => {
    expect(shouldRespawn(['audit', folderOf(3)], {}, [])).toBe(false);
    expect(shouldRespawn(['audit', folderOf(3), '-j', '1'], {}, [])).toBe(false);
    expect(shouldRespawn([folderOf(RESPAWN_FROM), '-j', '1'], {}, [])).toBe(false);
    expect(shouldRespawn(['reports/**/*.md', '--jobs', '1'], {}, [])).toBe(false);
  });

  it('not a lint of fewer files: starting node again would cost more than it saves', () => {
    expect(shouldRespawn([folderOf(20), '-j', '2'], {}, [])).toBe(false);
    expect(shouldRespawn([folderOf(RESPAWN_FROM - 1, 4), '-j', '2'], {}, [])).toBe(false);
    expect(shouldRespawn(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', '-j', '2'], {}, [])).toBe(false);
    // files the lint leaves out (dot-folders, node_modules) are not counted
    expect(shouldRespawn([folderOf(10, 1, RESPAWN_FROM), '-j', '2'], {}, [])).toBe(false);
  });

  it('a glob pattern counts as many files', () => {
    expect(shouldRespawn(['reports/**/*.md', '-j', '2'], {}, [])).toBe(true);
    expect(shouldRespawn(['reports/**/*.md'], {}, [])).toBe(true);
  });

  it('counting stops at the number asked for, and a path that is not there counts as one file', () => {
    const dir = folderOf(30, 2);
    expect(holdsAtLeast([dir], 30)).toBe(true);
    expect(holdsAtLeast([dir], 31)).toBe(false);
    expect(holdsAtLeast([dir, path.join(dir, 'missing.md')], 31)).toBe(true);
    expect(holdsAtLeast([path.join(dir, 'missing')], 2)).toBe(false);
  });
});

describe('a run over many files waits longer before compiling with the optimising compiler, and inlines less', () => {
  it('only a run over many files, and only on a V8 known to take the flag', () => {
    expect(tuneForManyFiles(['a.md'])).toBe(false);
    expect(tuneForManyFiles(['audit', 'x'], '99.1.0')).toBe(false);
    expect(tuneForManyFiles(['audit', 'x'])).toBe(/^1[1-3]\./.test(process.versions.v8));
  });

  it.runIf(/^1[1-3]\./.test(process.versions.v8))('fewer functions are compiled by TurboFan over the same reports, each inlining less', () => {
    ensureBuilt();
    const dist = (p: string): string => pathToFileURL(path.join(repoRoot, 'dist/src', p)).href;
    // lint the real reports three times in a fresh node, with or without the larger budget
    const script = (tune: 'no' | 'budget' | 'yes'): string => `
      const { tuneForManyFiles, INTERRUPT_BUDGET } = await import(${JSON.stringify(dist('cli/respawn.js'))});
      if ('${tune}' === 'yes') tuneForManyFiles(['audit', 'x']);
      if ('${tune}' === 'budget') (await import('node:v8')).setFlagsFromString('--interrupt-budget=' + INTERRUPT_BUDGET);
      const { lintDocument } = await import(${JSON.stringify(dist('lint.js'))});
      const { readBuffer } = await import(${JSON.stringify(dist('read/index.js'))});
      const { readdirSync, readFileSync } = await import('node:fs');
      const dir = ${JSON.stringify(path.join(repoRoot, 'fixtures/corpus'))};
      const files = readdirSync(dir, { recursive: true }).filter((f) => /\\.(md|txt)$/.test(f));
      for (let r = 0; r < 3; r++) for (const f of files) lintDocument(readBuffer(readFileSync(dir + '/' + f), f));`;
    // the compilations, and the functions inlined into them
    const compiled = (tune: 'no' | 'budget' | 'yes'): { compilations: number; inlined: number } => {
      const r = spawnSync(process.execPath, ['--trace-opt', '--trace-turbo-inlining', '--input-type=module', '-e', script(tune)], { encoding: 'utf8', maxBuffer: 256 << 20 });
      expect(r.status).toBe(0);
      return { compilations: (r.stdout.match(/completed compiling/g) ?? []).length, inlined: (r.stdout.match(/^Inlining 0x/gm) ?? []).length };
    };
    const usual = compiled('no');
    const budget = compiled('budget');
    const tuned = compiled('yes');
    expect(usual.compilations).toBeGreaterThan(50);
    expect(tuned.compilations).toBeLessThan(usual.compilations * 0.8);
    // with the same budget, each compilation inlines less
    expect(budget.compilations).toBeGreaterThan(20);
    expect(tuned.inlined / tuned.compilations).toBeLessThan((budget.inlined / budget.compilations) * 0.8);
  }, 120_000);
});

describe.runIf(/^1[1-3]\./.test(process.versions.v8))('a run over many files has the array builtins called, not inlined', () => {
  // a function optimised by TurboFan, and the array its `map` gives: holey where map is inlined,
  // packed (as the interpreter's) where the builtin is called
  const mapped = (tune: boolean): { optimized: boolean; holey: boolean } => {
    ensureBuilt();
    const respawn = pathToFileURL(path.join(repoRoot, 'dist/src/cli/respawn.js')).href;
    const script = `
      const { tuneForManyFiles } = await import(${JSON.stringify(respawn)});
      if (${tune}) tuneForManyFiles(['audit', 'x']);
      function f(a) { return a.map((x) => x + 1); }
      %PrepareFunctionForOptimization(f); f([1, 2]); f([1, 2]); %OptimizeFunctionOnNextCall(f);
      const r = f([1, 2]);
      console.log(JSON.stringify({ optimized: (%GetOptimizationStatus(f) & 16) !== 0, holey: %HasHoleyElements(r) }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { optimized: boolean; holey: boolean };
  };

  it('optimised code makes the same packed arrays as the interpreter', () => {
    expect(mapped(false)).toEqual({ optimized: true, holey: true });
    expect(mapped(true)).toEqual({ optimized: true, holey: false });
  });
});

describe.runIf(linux)('the audit in its child process', () => {
  beforeAll(() => ensureBuilt());
  const dir = tempDir();
  writeSet(dir, independentSet(7, 20));

  it('runs with the flag, and gives the parent its exit code and output', async () => {
    const out = path.join(tempDir(), 'out');
    const seen = new Set<string>();
    const timer = setInterval(() => processesWith(out).forEach((c) => seen.add(c)), 5);
    const r = await runAsync(['audit', dir, '--out-dir', out, '-j', '2', '--locale', 'en']);
    clearInterval(timer);
    const found = [...seen];
    expect(found.some((c) => c.includes('--v8-pool-size=1'))).toBe(true);
    expect(r.code).toBe(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')).totals.errors > 0 ? 1 : 0);
    expect(r.stderr).toContain('audit done');
  }, 60_000);

  it('a SIGKILL of the parent stops the child at once: nothing more is written', async () => {
    const out = path.join(tempDir(), 'out');
    const results = path.join(out, 'results.ndjson');
    const parent = spawn(process.execPath, [bin, 'audit', dir, '--out-dir', out, '-j', '2'], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(results) && readFileSync(results, 'utf8').split('\n').length > 3) {
          clearInterval(timer);
          parent.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => parent.once('exit', resolve));
    const gone = Date.now();
    while (processesWith(out).length > 0 && Date.now() - gone < 5000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(processesWith(out)).toEqual([]);
    const lines = readFileSync(results, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readFileSync(results, 'utf8')).toBe(lines);
    expect(readdirSync(out)).not.toContain('audit.json');
  }, 60_000);
});
