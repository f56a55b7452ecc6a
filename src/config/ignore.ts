import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignoreModule from 'ignore';
import { ConfigError } from './profiles.js';

/** The ignore file looked for in the folder ogi-lint runs in (gitignore syntax, as .eslintignore). */
export const IGNORE_FILENAME = '.ogilintignore';

/**
 * Files not to check: the patterns of `.ogilintignore` in `cwd` and those given with
 * `--ignore-pattern`, in gitignore syntax, relative to `cwd`. Returns a test for absolute paths.
 */
export function ignoreFilter(cwd: string, patterns: string[] = []): (abs: string) => boolean {
  // a CommonJS module: its function is both the default export and its own .default
  const ig = ignoreModule.default();
  const file = path.join(cwd, IGNORE_FILENAME);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ConfigError(`${file}: cannot read the ignore file (${code ?? (e as Error).message})`);
  }
  if (text !== undefined) ig.add(text.replace(/^\uFEFF/, ''));
  ig.add(patterns);
  return (abs) => {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return ig.ignores(rel);
  };
}
