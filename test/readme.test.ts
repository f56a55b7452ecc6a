import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { rulesMarkdownTable } from '../src/cli/rule-docs.js';
import { repoRoot } from './helpers/corpus.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('has the rule table generated from the rules (regenerate with `ogi-lint rules --format markdown`)', () => {
    const m = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(m).not.toBeNull();
    expect(m![1]!.trim()).toBe(rulesMarkdownTable(allRules).trim());
  });

  it('gives exactly two quick-start commands: run on the samples, run the tests', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(quick).toHaveLength(2);
    expect(quick[0]).toMatch(/^npm ci && npx ogi-lint fixtures\/samples/);
    // the whole suite: npm test, then the browser and the fuzzing tests
    expect(quick[1]).toMatch(/^npm ci && npm run test:all/);
  });

  it('calls the command as `npx ogi-lint`, which works after `npm install` (a bare `ogi-lint` is not on the PATH)', () => {
    const commands = [...readme.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
    const calls = commands.map((l) => l.replace(/^\$ /, '')).filter((l) => /(^|&& )(node bin\/)?ogi-lint\b/.test(l));
    expect(calls).toEqual([]);
    expect(commands.filter((l) => l.includes('npx ogi-lint')).length).toBeGreaterThan(2);
  });
});
