#!/usr/bin/env node
// Command-line entry: runs the compiled CLI (npm run build writes dist/).
import { fileURLToPath, pathToFileURL } from 'node:url';

// A reader that stops early (`ogi-lint … | head`) closes the pipe: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
let respawn;
try {
  respawn = await import('../dist/src/cli/respawn.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('ogi-lint：尚未构建，请先运行 `npm run build`（或 `npm install`）。\nogi-lint: the package is not built; run `npm run build` (or `npm install`) first.\n');
    process.exit(2);
  }
  throw err;
}
// the arguments after node and this script (what yargs' hideBin gives outside Electron), without
// loading yargs in a process that may only start another
const args = process.argv.slice(2);
// a run over many files goes on in a child node with one V8 helper thread (src/cli/respawn.ts)
const code = respawn.shouldRespawn(args) ? await respawn.respawn(fileURLToPath(import.meta.url), args) : undefined;
if (code !== undefined) {
  process.exitCode = code;
} else {
  respawn.followParent();
  respawn.tuneForManyFiles(args);
  // the command line as esbuild joined it (scripts/bundle-cli.mjs), unless a tsc build since made it stale
  const { scriptIfFresh } = await import('../dist/src/util/fresh.js');
  const [joined, modules] = ['../dist/cli/main.js', '../dist/src/cli/main.js'].map((f) => fileURLToPath(new URL(f, import.meta.url)));
  const cli = await import(pathToFileURL(scriptIfFresh(joined, modules)).href);
  process.exitCode = await cli.main(args);
}
