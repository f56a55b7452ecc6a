import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './error.js';
import { ignoreMatcher } from './apply.js';

/** The ignore file looked for in the folder ogi-lint runs in (gitignore syntax, as .eslintignore). */
export const IGNORE_FILENAME = '.ogilintignore';

/**
 * Files not to check: the patterns of `.ogilintignore` in `cwd` and those given with
 * `--ignore-pattern`, in gitignore syntax, relative to `cwd`. Returns a test for absolute paths.
 */
export function ignoreFilter(cwd: string, patterns: string[] = []): (abs: string) => boolean {
  const file = path.join(cwd, IGNORE_FILENAME);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ConfigError(`${file}: cannot read the ignore file (${code ?? (e as Error).message})`);
  }
  // the same matcher as a configuration file's ignorePatterns, relative to cwd
  const lines = text === undefined ? [] : text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return ignoreMatcher([...lines, ...patterns], cwd) ?? (() => false);
}
