import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers/corpus.js';

/** The repository stands on its own: a fresh clone installs from the lock file and tests itself. */

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Where npm would find `dep` required from the package installed at `from` (node_modules lookup, nearest first). */
function resolveInLock(from: string, dep: string): LockEntry | undefined {
  for (let base = from; ; ) {
    const key = `${base ? `${base}/` : ''}node_modules/${dep}`;
    if (lock.packages[key]) return lock.packages[key];
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

describe('the lock file', () => {
  it('lists the optional packages of every platform (npm ci refuses a lock that lacks them)', () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolveInLock(where, dep)) missing.push(`${dep} (wanted by ${where || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists every dependency of every locked package', () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.dependencies ?? {})) {
        if (!resolveInLock(where, dep)) missing.push(`${dep} (wanted by ${where || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('continuous integration', () => {
  const ci = readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
  const commands = ci.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

  it('installs from the lock file and runs the same scripts as a developer: the whole test suite', () => {
    expect(commands).toContain('npm ci --no-audit --no-fund');
    for (const script of ['typecheck', 'lint', 'test:all']) {
      expect(pkg.scripts[script]).toBeDefined();
      expect(commands).toContain(`npm run ${script}`);
    }
    // the whole suite is the default tests, those in a browser and the fuzzing, each failing the run
    expect(pkg.scripts['test:all']).toBe('npm test && npm run test:browser && npm run test:fuzz');
    for (const script of ['test', 'test:browser', 'test:fuzz']) expect(pkg.scripts[script]).toMatch(/^vitest run\b/);
  });
});

describe('no test reaches outside the repository', () => {
  it('no relative path in a test or source file leads out of the repository', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|js|json)$/.test(e.name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(/['"`](\.\.?\/[^'"`$\s]*)['"`]/g)) {
            const target = path.resolve(path.dirname(p), m[1]!);
            if (path.relative(repoRoot, target).startsWith('..')) offenders.push(`${path.relative(repoRoot, p)}: ${m[1]}`);
          }
        }
      }
    };
    for (const d of ['test', 'src', 'rules']) walk(path.join(repoRoot, d));
    expect(offenders).toEqual([]);
  });
});

describe('the web page', () => {
  it('builds with a stand-in for every lazily loaded dependency the source loads (web/src/lazy.ts for src/util/lazy.ts)', async () => {
    const names = (file: string): string[] => [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/^export (?:const|function|async function) (\w+)/gm)].map((m) => m[1]!).sort();
    const source = names('src/util/lazy.ts');
    expect(source.length).toBeGreaterThan(5);
    expect(source.filter((n) => !names('web/src/lazy.ts').includes(n))).toEqual([]);
  });
});
