import { statSync } from 'node:fs';

/** a path in an installed package */
const INSTALLED = /[\\/]node_modules[\\/]/;

/**
 * `script` (what the build made from `module` with esbuild: dist/worker.cjs, dist/cli/main.js) when
 * it exists and is no older than `module` (a tsc build since it was made leaves it older), else
 * `module`. In an installed package (under node_modules) the script is taken whenever it exists:
 * nobody builds there, and npm gives every file it unpacks a new modification time, in no
 * particular order.
 */
export function scriptIfFresh(script: string, module: string): string {
  const made = modifiedMs(script);
  if (made >= 0 && INSTALLED.test(script)) return script;
  return made >= modifiedMs(module) ? script : module;
}

function modifiedMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
