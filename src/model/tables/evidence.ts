import type { SourceRange } from '../../util/mapped-text.js';
import type { Block, Generation } from '../types.js';

/** What the report's own words show about the format generation it follows. */
export interface FormatEvidence {
  /**
   * The sentence that lists the report's parts (全文包括…／本报告由…组成), when its list is the
   * 2008 regulation's (概述, 收费及减免, 咨询情况…) and names none of the 2019 format's parts.
   */
  statedContents?: {
    text: string;
    range: SourceRange;
    generation: Generation;
    /** the first part named that belongs to the other generation */
    marker: { text: string; range: SourceRange };
  };
}

const CONTENTS = /(?:全文|本报告|报告内容|年度报告)(?:主要)?(?:包括|包含|分为|由)/;
/** parts only the 2008 regulation's reports have */
const LEGACY_PARTS = /概述|收费(?:及|和|与)?减免|咨询(?:处理)?情况|申诉情况|依申请公开政府信息(?:的)?情况|政府支出和收费/;
/** parts only the 2019 and 2021 formats have */
const FORMAT_PARTS = /收到和处理|收到、处理/;

/** Read the evidence from the report's opening blocks. */
export function formatEvidence(blocks: Block[]): FormatEvidence {
  const out: FormatEvidence = {};
  for (const b of blocks.slice(0, 40)) {
    if (b.type === 'table') continue;
    const t = b.text.text;
    const m = CONTENTS.exec(t);
    if (!m) continue;
    const from = m.index;
    const stop = t.indexOf('。', from);
    const sentence = t.slice(from, stop < 0 ? t.length : stop + 1);
    if (FORMAT_PARTS.test(sentence)) return out;
    const lm = LEGACY_PARTS.exec(sentence);
    if (!lm) continue;
    const at = from + lm.index;
    out.statedContents = {
      text: sentence,
      range: b.text.range(from, from + sentence.length),
      generation: 'legacy',
      marker: { text: lm[0], range: b.text.range(at, at + lm[0].length) },
    };
    return out;
  }
  return out;
}
