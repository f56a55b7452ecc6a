import type { Block, PeriodStatement } from './types.js';

/** Statements of the statistics period (统计期限…). */
export function extractPeriods(_blocks: Block[]): PeriodStatement[] {
  return [];
}
