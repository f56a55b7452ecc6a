#!/usr/bin/env node
// Command-line entry: runs the compiled CLI (npm run build writes dist/).
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('ogi-lint: the package is not built; run `npm run build` (or `npm install`) first.\n');
    process.exit(2);
  }
  throw err;
}
const { hideBin } = await import('yargs/helpers');
process.exitCode = await cli.main(hideBin(process.argv));
