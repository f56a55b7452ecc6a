import type { Block } from '../types.js';
import type { Figure, ProseFigures } from './types.js';
import { extractFigures } from './extract.js';
import { findBreakdowns } from './breakdowns.js';
import { resolveShares, shareCandidates } from './shares.js';
import { findGaps } from './gaps.js';

export type * from './types.js';
export { extractFigures, coreSubject } from './extract.js';

/** Figures, breakdowns and shares stated in the prose of a report. */
export function extractProseFigures(blocks: Block[]): ProseFigures {
  const figures = extractFigures(blocks);
  const { breakdowns, shares, wholes } = findBreakdowns(blocks, figures);
  const more = resolveShares(blocks, figures, shares, wholes);
  const totals = new Map<Figure, Figure>();
  for (const b of breakdowns) for (const p of b.parts) if (!totals.has(p)) totals.set(p, b.total);
  const all = [...shares, ...more].sort((a, b) => a.percent.index - b.percent.index);
  return { figures, breakdowns, shares: shareCandidates(figures, all, totals), gaps: findGaps(blocks, figures) };
}

/**
 * Whether a printed percentage agrees with the computed one: rounded to the printed decimals,
 * truncated to them, or rounded in two steps (1.748 → 1.75 → 1.8), as reports do.
 */
export function shareMatches(computed: number, printed: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  const want = Math.round(printed * scale);
  const x = computed * scale;
  const eps = 1e-9;
  return (
    Math.round(x + eps) === want ||
    Math.floor(x + eps) === want ||
    Math.round(Math.round(x * 10 + eps) / 10 + eps) === want
  );
}
