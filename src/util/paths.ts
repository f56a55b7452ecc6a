import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's own folder (where package.json, schemas/ and src/profiles/ are). */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('ogi-lint: cannot find the package folder');
    dir = up;
  }
}
