import { describe, expect, it } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';

/**
 * Markdown whose paragraphs keep the line breaks of the document it was made from (a PDF or a
 * Word file converted to Markdown): the lines of a paragraph break anywhere, inside a figure
 * (内容5 / 2条) or a date (2024年 / 12月31日) too. The paragraph reads as if it were one line: the
 * same figures, the same statistics period, no finding that the one-line text does not give.
 */

const REPORT = [
  '# 沭阳县人民政府2025年政府信息公开工作年度报告',
  '',
  '本报告由沭阳县人民政府办公室编制，所列数据的统计期限自2025年1月1日起至2025年12月31日止。如对本报告有疑问，请联系县政府办公室（电话：0527-83605210）。',
  '',
  '## 一、总体情况',
  '',
  '全年通过县政府门户网站主动公开政府信息4511条，开展意见征集9期。推送系列原创短视频1113个、图文1775条。年度涌现爆款内容52条，其中1条播放量破亿、2条破千万、49条破百万，让政务声音直抵群众指尖。',
  '',
  '全县全年共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。2025年，累计开展办前主动沟通49次，成功推动化解各类争议纠纷33件。',
  '',
].join('\n');

/** Each paragraph line of `md` cut into lines of `width` characters (headings, blank lines left as they are). */
function hardWrapped(md: string, width: number): string {
  return md
    .split('\n')
    .map((l) => {
      if (l.length <= width || l.startsWith('#')) return l;
      const out: string[] = [];
      for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
      return out.join('\n');
    })
    .join('\n');
}

const figures = (md: string) => modelDocument(readBuffer(Buffer.from(md), 'r.md')).report.figures.map((f) => `${f.numberText}${f.unit ?? ''}`);
const findings = (md: string) => lintText(md, 'r.md').messages.map((m) => `${m.ruleId} ${m.message}`);

describe('a Markdown report whose paragraphs are hard-wrapped, wherever the breaks fall', () => {
  const whole = { figures: figures(REPORT), findings: findings(REPORT) };

  it('the one-line report reads its figures and draws no error', () => {
    expect(whole.figures).toEqual(expect.arrayContaining(['52条', '1条', '2条', '49条', '749件', '741件', '8件', '718件', '31件']));
    expect(lintText(REPORT, 'r.md').messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  // every width from 20 to 46 characters: the breaks fall inside figures, dates and words
  it.each(Array.from({ length: 27 }, (_, i) => 20 + i))('wrapped at %i characters: the same figures and findings', (width) => {
    const md = hardWrapped(REPORT, width);
    expect(md.split('\n').length).toBeGreaterThan(REPORT.split('\n').length);
    expect(figures(md)).toEqual(whole.figures);
    expect(findings(md)).toEqual(whole.findings);
  });
});
