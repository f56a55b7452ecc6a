#!/usr/bin/env node
// Language server entry (LSP over standard input and output): the same as `ogi-lint --lsp`.
let server;
try {
  server = await import('../dist/src/lsp/server.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('ogi-lint-language-server: the package is not built; run `npm run build` (or `npm install`) first.\n');
    process.exit(2);
  }
  throw err;
}
await server.startServer();
