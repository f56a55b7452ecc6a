import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { repoRoot } from './corpus.js';
import { allRules } from '../../rules/index.js';
import type { CliIO } from '../../src/cli/main.js';

export const bin = path.join(repoRoot, 'bin', 'ogi-lint.js');

/** Build dist/ when it is missing or older than its sources (vitest's globalSetup does it once per run). */
export { ensureBuilt } from './build.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real binary. */
export function run(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run the real binary without blocking this process: runs that do not depend on each other can go
 * side by side (`Promise.all`), each in its own process.
 */
export function runAsync(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // a run that never reads its standard input may have exited before it is written
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Run the command line's `main` in this process, with the binary's arguments and what it would print
 * collected: for tests about what the command line says and decides rather than about the process
 * (its start, standard streams, signals), which use `run`. Starting no process, it costs only the check.
 */
export async function runMain(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): Promise<Run> {
  const { main } = await import('../../src/cli/main.js');
  const io = memoryIO(opts.cwd ?? repoRoot, opts.input ?? '');
  const code = await main(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-test-'));
}

/** Write files (path → text, objects as JSON) under a folder. */
export function writeTree(dir: string, files: Record<string, string | object>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** Rule settings that turn every rule off except the ones named (tests stay about what they test as rules are added). */
export function onlyRules(on: Record<string, unknown>): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of allRules) rules[r.id] = 'off';
  return { ...rules, ...on };
}

/** A report of the 2021 format with all six parts. */
export const COMPLETE = `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
见下表。
三、收到和处理政府信息公开申请情况
见下表。
四、政府信息公开行政复议、行政诉讼情况
见下表。
五、存在的主要问题及改进情况
人员不足，将加强培训。
六、其他需要报告的事项
本年度未收取信息处理费。
`;

/** The same report without part five: required-sections reports it at line 10, columns 1–12. */
export const MISSING_FIVE = COMPLETE.replace('五、存在的主要问题及改进情况\n人员不足，将加强培训。\n', '');

/**
 * The SARIF 2.1.0 JSON schema (test/fixtures/sarif-schema-2.1.0.json: version 2.1.0-rtm.5, the one
 * SchemaStore publishes and GitHub code scanning validates against; draft-04, so its `id` and
 * `$schema` are dropped for ajv 8 to read it).
 */
export function sarifValidator(): (data: unknown) => { valid: boolean; errors: unknown } {
  const file = path.join(repoRoot, 'test', 'fixtures', 'sarif-schema-2.1.0.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const v = ajv.compile(schema);
  return (data) => ({ valid: v(data) as boolean, errors: v.errors });
}

/** Streams for calling the CLI's `main` in-process; what it writes is collected in `out`/`err`. */
export function memoryIO(cwd: string, stdin: string | Buffer = ''): CliIO & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    cwd,
    stdout: { write: (s: string) => (o.out += s) },
    stderr: { write: (s: string) => (o.err += s) },
    readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
  };
  return o;
}
