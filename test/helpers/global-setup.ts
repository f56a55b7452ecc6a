import { ensureBuilt } from './build.js';

/**
 * Runs once before any test file: the command line the tests spawn is built here, when its sources
 * changed since the last build, so that test files running side by side never build it at the same
 * time. The web page's bundle is built by the web test itself (test/helpers/web.ts), in parallel
 * with the other test files.
 */
export default function setup(): void {
  ensureBuilt();
}
