import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled command line (dist/) that the tests spawn, built only when it is missing or older
 * than its sources. `npm ci` and `npm install` build it (the `prepare` script); a test run builds it
 * again only after a source changed, once, before any test file starts (vitest's globalSetup).
 * Kept free of the library's own modules so that checking costs a few milliseconds.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
/** The pool's worker as one script, made from dist/ after tsc (scripts/bundle-worker.mjs), and the module it is made from. */
const workerScript = path.join(repoRoot, 'dist', 'worker.cjs');
const workerModule = path.join(repoRoot, 'dist', 'src', 'audit', 'worker.js');
/** The command line joined by esbuild (scripts/bundle-cli.mjs), made from the entry above. */
const joinedCli = path.join(repoRoot, 'dist', 'cli', 'main.js');
/** The Markdown parser's packages joined by esbuild (scripts/bundle-markdown.mjs). */
const joinedMarkdown = path.join(repoRoot, 'dist', 'markdown.cjs');

/** Newest modification time of the TypeScript and JSON files under these folders, and of the files named. */
function newestSource(dirs: string[], files: string[]): number {
  let newest = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(repoRoot, d)));
  for (const f of files) newest = Math.max(newest, statSync(path.join(repoRoot, f)).mtimeMs);
  return newest;
}

/** `made` is missing or older than `from`. */
const olderThan = (made: string, from: string): boolean => !existsSync(made) || statSync(made).mtimeMs < statSync(from).mtimeMs;

/** Whether dist/ is older than src/, rules/ or tsconfig.json (or missing), its worker script or joined command line older than what they are made from, or the joined Markdown packages missing. */
export function distIsStale(): boolean {
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(['src', 'rules'], ['tsconfig.json'])) return true;
  return olderThan(workerScript, workerModule) || olderThan(joinedCli, entry) || !existsSync(joinedMarkdown);
}

/**
 * Build dist/ with tsc, the worker script and the joined command line from it, and the joined
 * Markdown packages, when it is stale. A build that fails (type errors still emit JavaScript)
 * throws with tsc's output and leaves dist/ marked stale, so the next run tries again rather than
 * testing code that does not compile.
 */
export function ensureBuilt(): void {
  if (!distIsStale()) return;
  const steps: [string, string[]][] = [
    ['tsc -p tsconfig.json', [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repoRoot]],
    ['scripts/bundle-worker.mjs', [path.join(repoRoot, 'scripts', 'bundle-worker.mjs')]],
    ['scripts/bundle-cli.mjs', [path.join(repoRoot, 'scripts', 'bundle-cli.mjs')]],
    ['scripts/bundle-markdown.mjs', [path.join(repoRoot, 'scripts', 'bundle-markdown.mjs')]],
  ];
  for (const [name, args] of steps) {
    try {
      execFileSync(process.execPath, args, { stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      if (existsSync(entry)) utimesSync(entry, 0, 0);
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${name} failed:\n${`${err.stdout ?? ''}${err.stderr ?? ''}` || err.message}`);
    }
  }
}
