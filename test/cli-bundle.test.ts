import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

/*
 * bin/ogi-lint.js runs the command line esbuild joined (dist/cli/, scripts/bundle-cli.mjs) once it is
 * built, and the compiled modules when a tsc build since made it stale. The joined command line must
 * do exactly what the modules do.
 */

beforeAll(() => ensureBuilt());

/** `main(args)` of the command line from `entry` (a file under dist/), in a child process: its exit code and output. */
function mainOf(entry: string, args: string[], cwd = repoRoot): { code: number | null; stdout: string; stderr: string } {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist', entry)).href)});
process.exitCode = await main(JSON.parse(process.env.ARGS));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', env: { ...process.env, ARGS: JSON.stringify(args), NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the joined command line', () => {
  /** A package of its own in `dir`: the real bin and respawn modules, and two stand-ins for the command line. */
  const standIns = (dir: string): { joined: string; modules: string; runs: () => string } => {
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    mkdirSync(path.join(dir, 'dist', 'cli'), { recursive: true });
    mkdirSync(path.join(dir, 'dist', 'src', 'cli'), { recursive: true });
    mkdirSync(path.join(dir, 'dist', 'src', 'util'), { recursive: true });
    copyFileSync(path.join(repoRoot, 'bin', 'ogi-lint.js'), path.join(dir, 'bin', 'ogi-lint.js'));
    for (const m of ['cli/respawn.js', 'util/threads.js', 'util/fresh.js']) copyFileSync(path.join(repoRoot, 'dist', 'src', m), path.join(dir, 'dist', 'src', m));
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const joined = path.join(dir, 'dist', 'cli', 'main.js');
    const modules = path.join(dir, 'dist', 'src', 'cli', 'main.js');
    writeFileSync(joined, "export async function main() { console.log('joined'); return 0; }\n");
    writeFileSync(modules, "export async function main() { console.log('modules'); return 0; }\n");
    const runs = (): string => spawnSync(process.execPath, [path.join(dir, 'bin', 'ogi-lint.js'), '--version'], { encoding: 'utf8' }).stdout.trim();
    return { joined, modules, runs };
  };

  it('is what bin runs once built, and is left for the modules when a build since made it older', () => {
    const { joined, modules, runs } = standIns(tempDir());
    utimesSync(modules, 1000, 1000);
    utimesSync(joined, 2000, 2000);
    expect(runs()).toBe('joined');
    utimesSync(joined, 1000, 1000);
    expect(runs()).toBe('joined');
    // tsc wrote the modules again
    utimesSync(modules, 3000, 3000);
    expect(runs()).toBe('modules');
  });

  it('is what bin runs in an installed package, in whatever order npm unpacked the files', () => {
    const { joined, modules, runs } = standIns(path.join(tempDir(), 'node_modules', 'ogi-lint'));
    utimesSync(joined, 1000, 1000);
    utimesSync(modules, 1001, 1001);
    expect(runs()).toBe('joined');
  });

  it('the real one is built, and lists the modules each of its files holds', () => {
    const inputs = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'cli', 'inputs.json'), 'utf8')) as Record<string, string[]>;
    expect(inputs['main.js']).toContain('dist/src/cli/main.js');
    const all = Object.values(inputs).flat();
    // the rules and the readers are joined in; piscina and the packages loaded on first use are not
    expect(all).toContain('dist/rules/index.js');
    expect(all).toContain('dist/src/read/index.js');
    expect(all.some((i) => i.startsWith('node_modules/yargs/'))).toBe(true);
    for (const p of ['piscina', 'mammoth', 'pdfjs-dist', 'exceljs', 'ajv/', 'jschardet']) expect(all.some((i) => i.startsWith(`node_modules/${p}`)), p).toBe(false);
  });

  it('checks reports, prints help in both languages and lists the rules exactly as the modules do', () => {
    const reports = ['fixtures/samples', 'fixtures/corpus/full', 'fixtures/hostile'];
    for (const args of [[...reports, '-f', 'json'], [...reports, '--locale', 'en'], ['--help'], ['--help', '--locale', 'en'], ['rules', '--format', 'json'], ['--print-config', 'fixtures/samples/2021-qinghe-clean.md']]) {
      const [a, b] = [mainOf('cli/main.js', args), mainOf('src/cli/main.js', args)];
      expect(a.stderr, args.join(' ')).toBe(b.stderr);
      expect(a.code, args.join(' ')).toBe(b.code);
      expect(a.stdout, args.join(' ')).toBe(b.stdout);
      expect(a.stdout.length, args.join(' ')).toBeGreaterThan(100);
    }
  }, 120_000);
});
