import type { Block } from '../types.js';
import type { ProseFigures } from './types.js';
import { extractFigures } from './extract.js';
import { findBreakdowns } from './breakdowns.js';
import { resolveShares } from './shares.js';

export type * from './types.js';
export { extractFigures, coreSubject } from './extract.js';

/** Figures, breakdowns and shares stated in the prose of a report. */
export function extractProseFigures(blocks: Block[]): ProseFigures {
  const figures = extractFigures(blocks);
  const { breakdowns, shares, wholes } = findBreakdowns(blocks, figures);
  const more = resolveShares(blocks, figures, shares, wholes);
  return { figures, breakdowns, shares: [...shares, ...more].sort((a, b) => a.percent.index - b.percent.index) };
}
