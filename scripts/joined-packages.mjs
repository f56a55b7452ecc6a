/**
 * An esbuild plugin for the scripts that join ogi-lint's compiled modules with some of the packages
 * they import (scripts/bundle-cli.mjs, scripts/bundle-worker.mjs): the packages named in `joined`,
 * with everything they import, are joined in; every other package, and node's own modules, stay
 * outside, loaded from node_modules as before.
 */
export function joinOnly(joined) {
  const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  return {
    name: 'join-only',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (a) => {
        if (a.path.startsWith('node:')) return { external: true };
        return /[\\/]node_modules[\\/]/.test(a.importer) || joined.has(packageName(a.path)) ? undefined : { external: true };
      });
    },
  };
}
