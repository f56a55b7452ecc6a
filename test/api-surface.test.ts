import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './helpers/corpus.js';

/**
 * The published interface does not change unnoticed: the names each entry point of the package
 * exports (values and types) are listed in test/api-surface.txt. After a deliberate change, update
 * that file with the names this test prints.
 */

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };

/** Entry point → the TypeScript source its compiled files come from. */
function sourceOf(entry: { types: string }): string {
  return path.join(repoRoot, entry.types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'));
}

/** The declaration file an entry point publishes (dist/ is built before the tests run). */
function declarationsOf(entry: { types: string }): string {
  return path.join(repoRoot, entry.types);
}

/** The names each entry point exports, read from the declarations it publishes. */
function surface(): string {
  const entries = Object.entries(pkg.exports).filter((e): e is [string, { types: string; default: string }] => typeof e[1] === 'object');
  const program = ts.createProgram(
    entries.map(([, e]) => declarationsOf(e)),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const lines: string[] = [];
  for (const [name, e] of entries) {
    const file = program.getSourceFile(declarationsOf(e))!;
    const names = checker
      .getExportsOfModule(checker.getSymbolAtLocation(file)!)
      .map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const kind = target.flags & ts.SymbolFlags.Value ? 'value' : 'type';
        return `${kind} ${s.getName()}`;
      })
      .sort();
    lines.push(`# ogi-lint${name === '.' ? '' : name.slice(1)}`, ...names, '');
  }
  return lines.join('\n');
}

describe('the package interface', () => {
  it('exports map: every entry point has its types and code, and the list of exported names is as recorded', () => {
    for (const [name, e] of Object.entries(pkg.exports)) {
      if (typeof e === 'string') continue;
      expect(e.default.replace('./dist/', '').replace(/\.js$/, '.ts'), name).toBe(path.relative(repoRoot, sourceOf(e)).split(path.sep).join('/'));
    }
    const recorded = readFileSync(path.join(repoRoot, 'test', 'api-surface.txt'), 'utf8');
    const now = surface();
    if (now !== recorded) process.stdout.write(`\nThe exported names are now:\n${now}\n`);
    expect(now).toBe(recorded);
  });

  it('the main entry point offers the documented functions', async () => {
    const api = await import('../src/index.js');
    for (const f of ['lintText', 'lintFiles', 'lintBuffer', 'defineRule', 'loadConfig', 'getFormatter']) expect(typeof (api as Record<string, unknown>)[f], f).toBe('function');
    expect(Object.keys(api.formatters).sort()).toEqual(['checkstyle', 'compact', 'csv', 'json', 'junit', 'sarif', 'stylish', 'unix']);
    const rules = await import('../rules/index.js');
    expect(rules.allRules.length).toBe(api.rules.length);
  });
});
