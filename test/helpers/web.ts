import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './corpus.js';

/** Debian's Chromium (apt-get install chromium), or the one CHROMIUM_PATH names; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

function newest(dir: string, exts: string[]): number {
  let n = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'dist' && e.name !== 'node_modules') walk(p);
      } else if (exts.some((x) => e.name.endsWith(x))) n = Math.max(n, statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return n;
}

/** Build web/dist when it is missing or older than the sources (`npm run build` builds it; this covers running vitest alone). */
export function ensureWebBuilt(): void {
  const index = path.join(repoRoot, 'web', 'dist', 'index.html');
  const sources = Math.max(
    ...['src', 'rules', 'schemas', 'web'].map((d) => newest(path.join(repoRoot, d), ['.ts', '.json', '.css', '.html'])),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(repoRoot, 'web', 'vite.config.ts')], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
}
