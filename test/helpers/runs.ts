/**
 * How hard generated tests push. `npm test` runs each property and stress test at a size that keeps
 * the suite quick, drawing new random inputs every run; `npm run test:fuzz` (vitest.fuzz.config.ts,
 * which sets OGI_LINT_FUZZ=1 and runs these files again) runs them at their full size.
 */
export const FUZZ = process.env.OGI_LINT_FUZZ === '1';

/** `quick` in `npm test`, `full` in `npm run test:fuzz`. */
export function runs(quick: number, full: number): number {
  return FUZZ ? full : quick;
}
