import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Report } from '../src/model/types.js';
import type { Figure } from '../src/model/figures/types.js';
import { shareMatches } from '../src/model/figures/index.js';
import { metricKey, tableMetric, figureSentence, conflicting } from '../src/model/figures/metrics.js';
import { corpusDir, corpusFile, devPath, seedPath, repoRoot } from './helpers/corpus.js';

/** The report model of a text. */
function model(text: string, file = 'report.txt'): Report {
  return modelDocument(readBuffer(Buffer.from(text, 'utf8'), file)).report;
}

function modelFile(p: string): Report {
  return modelDocument(readBuffer(readFileSync(p), p)).report;
}

/** The whole line of a real report that contains `snippet`. */
function realLine(rel: string, snippet: string): string {
  const line = corpusFile(rel)
    .split('\n')
    .find((l) => l.includes(snippet));
  if (!line) throw new Error(`${rel}: no line with ${snippet}`);
  return line.trim();
}

function seedRel(n: number): string {
  return path.relative(corpusDir, seedPath(n));
}

/** The text a figure's range covers. */
function at(r: Report, f: Figure): string {
  return r.doc.text.slice(f.range.start, f.range.end);
}

describe('figures in prose', () => {
  it('reads counts with their units, subjects and exact ranges (seed 001: channels of requests)', () => {
    const text = realLine(seedRel(1), '其中当面申请109件');
    const r = model(text);
    expect(r.figures.map((f) => f.value)).toEqual([109, 87, 98, 179, 79, 12, 564]);
    expect(r.figures.every((f) => f.unit === '件' && f.unitClass === 'item' && !f.approx)).toBe(true);
    expect(r.figures.slice(0, 6).map((f) => f.core)).toEqual(['当面申请', '传真申请', '电子邮件申请', '网上申请', '信函申请', '其他形式申请']);
    expect(r.figures[0]!.subject).toBe('其中当面申请');
    expect(r.figures.map((f) => at(r, f))).toEqual(['109件', '87件', '98件', '179件', '79件', '12件', '564件']);
  });

  it('marks hedged figures and keeps the hedge in the range (seed 004: 2400余条; seed 000: 6万多元)', () => {
    const r = model(realLine(seedRel(4), '各类信息2400余条'));
    const f = r.figures.find((x) => x.value === 2400)!;
    expect(f.approx).toBe('more');
    expect(at(r, f)).toBe('2400余条');
    expect(r.doc.text.slice(f.numberRange.start, f.numberRange.end)).toBe('2400');
    expect(f.core).toBe('各类信息');
    expect(r.figures.find((x) => x.value === 79)!.approx).toBeUndefined();

    const s = model(realLine(seedRel(0), '投资6万多元'));
    const money = s.figures.filter((x) => x.unitClass === 'money');
    expect(money.map((x) => [x.value, x.approx, at(s, x)])).toEqual([
      [60000, 'more', '6万多元'],
      [20000, 'more', '2万多元'],
    ]);
  });

  it('reads multipliers and Chinese numerals (dev A-092: 17.9亿次, 超过百万人)', () => {
    const r = model(realLine('dev/A-092.txt', '17.9亿次'));
    const clicks = r.figures.find((f) => f.unit === '次' && f.value > 1e9)!;
    expect(clicks.value).toBeCloseTo(1.79e9);
    expect(clicks.decimals).toBe(1);
    const fans = r.figures.find((f) => f.value === 1e6)!;
    expect([fans.unit, fans.unitClass, fans.approx, fans.numeral, at(r, fans)]).toEqual(['人', 'person', 'over', 'chinese', '超过百万人']);
    expect(r.figures.find((f) => f.value === 19)!.object).toBe('新闻发布活动');
  });

  it('reads Chinese numerals and full-width digits', () => {
    const r = model('2021年共受理申请一百二十三件，发布信息两千零五条，其中图文解读１２篇。');
    expect(r.figures.map((f) => [f.value, f.unit, f.numeral])).toEqual([
      [123, '件', 'chinese'],
      [2005, '条', 'chinese'],
      [12, '篇', 'arabic'],
    ]);
    expect(model('本报告包括总体情况等六个部分。').figures.map((f) => [f.value, f.unit])).toEqual([[6, '个']]);
  });

  it('does not take years, dates, document and article numbers, phone numbers or durations for figures', () => {
    // dev A-004: 〔2019〕121号, 2019年1月1日, 0872-4126176
    expect(model(realLine('dev/A-004.txt', '大政办通〔2019〕121号')).figures).toEqual([]);
    // dev C-072: 北京路91号409室, 0432-62022791
    expect(model(realLine('dev/C-072.txt', '0432-62022791')).figures).toEqual([]);
    // seed 003: 《条例》第三十二条规定4个方面
    const s = model(realLine(seedRel(3), '第三十二条规定4个方面的工作情况,重点领域'));
    expect(s.figures.map((f) => [f.value, f.unit])).toEqual([[4, '个']]);
    expect(model('依法在15个工作日内答复，3个月内整改，第13号超强台风过境。').figures).toEqual([]);
  });

  it('keeps a bare number only where it stands as a list item (dev B-088: 意见征集3、)', () => {
    const r = model(realLine('dev/B-088.txt', '意见征集3、'));
    const bare = r.figures.filter((f) => f.unitClass === 'none');
    expect(bare.map((f) => [f.value, f.core])).toEqual([[3, '意见征集']]);
    expect(model('1、加强组织领导，夯实工作责任。').figures).toEqual([]);
  });
});

describe('breakdowns', () => {
  it('seed 000: the total and its parts, the parenthesised list inside a part, both adding up', () => {
    const r = modelFile(seedPath(0));
    expect(r.breakdowns).toHaveLength(2);
    const [outer, inner] = r.breakdowns;
    expect(outer!.total.value).toBe(172);
    expect(outer!.parts.map((p) => p.value)).toEqual([3, 9, 5, 114, 41]);
    expect(outer!.overlapping).toBe(true);
    expect(inner!.total.value).toBe(114);
    expect(inner!.marker).toBe('(');
    expect(inner!.parent).toBe(0);
    expect(inner!.parts.map((p) => p.value)).toEqual([22, 25, 16, 10, 30, 4, 7]);
    for (const b of r.breakdowns) expect(b.parts.reduce((a, p) => a + p.value, 0)).toBe(b.total.value);
  });

  it('seed 001: parts before their total (the sentences of the page are out of order)', () => {
    const r = modelFile(seedPath(1));
    const b = r.breakdowns.find((x) => x.total.value === 564)!;
    expect(b.totalAfter).toBe(true);
    expect(b.parts.map((p) => p.core)).toEqual(['当面申请', '传真申请', '电子邮件申请', '网上申请', '信函申请', '其他形式申请']);
    expect(b.parts.reduce((a, p) => a + p.value, 0)).toBe(564);
  });

  it('seed 003 and dev C-068: “在主动公开信息中” refers to a total stated lines before', () => {
    const s = modelFile(seedPath(3)).breakdowns;
    expect(s.map((b) => [b.total.value, b.parts.length, b.marker])).toEqual([[297, 5, '在主动公开信息中,']]);
    const c = modelFile(devPath('C-068.txt')).breakdowns;
    const cats = c.find((b) => b.marker.startsWith('在'))!;
    expect(cats.total.value).toBe(103);
    expect(cats.parts.reduce((a, p) => a + p.value, 0)).toBe(101);
    expect(cats.open).toBe(false);
  });

  it('dev A-032: nested lists after 包括 and 其中, and a list the cut text leaves open', () => {
    const r = modelFile(devPath('A-032.txt'));
    const top = r.breakdowns.find((b) => b.total.value === 231)!;
    expect(top.parts.map((p) => p.value)).toEqual([166, 17, 59]);
    expect(top.overlapping).toBe(true);
    const web = r.breakdowns.find((b) => b.total.value === 166)!;
    expect(web.parts.reduce((a, p) => a + p.value, 0)).toBe(166);
    const other = r.breakdowns.find((b) => b.total.value === 59)!;
    expect([other.end, other.open]).toEqual(['text-end', true]);
  });

  it('dev B-044: the list ends at the semicolon once its parts make the total', () => {
    const r = model(realLine('dev/B-044.txt', '局长信箱收到2件'));
    expect(r.breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)])).toEqual([[13, [11, 2]]]);
  });

  it('dev B-020: a count further back than the clause before 其中 is not its total', () => {
    const r = model(realLine('dev/B-020.txt', '其中在中央级媒体报道24篇'));
    expect(r.breakdowns).toEqual([]);
  });

  it('dev B-088: a bare list item counts, a parenthesised 含… is not a list, the total is outside the parentheses', () => {
    const a = model(realLine('dev/B-088.txt', '意见征集3、'));
    expect(a.breakdowns.map((b) => [b.total.value, b.parts.reduce((s, p) => s + p.value, 0)])).toEqual([[102, 102]]);
    const b = model(realLine('dev/B-088.txt', '含2024年结转1件'));
    expect(b.breakdowns.map((x) => [x.total.value, x.parts.map((p) => p.value)])).toEqual([[25, [24, 1]]]);
  });

  it('dev C-036: a figure of another kind (新闻发布会2次) ends the list and leaves it open', () => {
    const r = model(realLine('dev/C-036.txt', '共计公开各类信息2936条'));
    const b = r.breakdowns[0]!;
    expect([b.total.value, b.end, b.open]).toEqual([2936, 'unit', true]);
  });

  it('a sentence with two counts before 其中 gives no breakdown unless the parts make one of them', () => {
    const text = readFileSync(path.join(repoRoot, 'fixtures/prose/consistent-2021.txt'), 'utf8');
    const r = model(text);
    expect(r.breakdowns.map((b) => b.total.value)).toEqual([356]);
    const made = model('2021年全年新收申请13件，上年结转1件，其中予以公开12件，部分公开1件。');
    expect(made.breakdowns.map((b) => b.total.value)).toEqual([13]);
  });
});

describe('shares', () => {
  it('seed 001: each “占总数的X%” is paired with its count and the 564 requests answered', () => {
    const r = modelFile(seedPath(1));
    const checked = r.shares.filter((s) => s.part && s.whole);
    expect(checked.map((s) => [s.part!.value, s.whole!.value, s.percent.value])).toEqual([
      [498, 564, 88.3],
      [8, 564, 1.4],
      [13, 564, 2.3],
      [10, 564, 1.8],
      [13, 564, 2.3],
      [22, 564, 3.9],
    ]);
    for (const s of checked) expect(shareMatches((s.part!.value / s.whole!.value) * 100, s.percent.value, s.percent.decimals)).toBe(true);
  });

  it('dev C-068, B-028, A-060, B-068: shares of list parts take the list total as the whole', () => {
    const wholes = (file: string) => modelFile(devPath(file)).shares.map((s) => [s.pairing, s.whole?.value]);
    expect(wholes('C-068.txt')).toEqual(Array(8).fill(['list', 103]));
    expect(wholes('B-028.txt')).toEqual(Array(7).fill(['list', 349]));
    expect(wholes('A-060.txt')).toEqual(Array(3).fill(['list', 32]));
    expect(wholes('B-068.txt')).toEqual([['list', 572]]);
  });

  it('tolerates rounding, truncation and rounding in two steps, nothing more', () => {
    expect(shareMatches((2 / 349) * 100, 0.5, 1)).toBe(true); // 0.573 truncated (B-028)
    expect(shareMatches((11 / 349) * 100, 3.2, 1)).toBe(true); // 3.152 rounded
    expect(shareMatches((10 / 572) * 100, 1.8, 1)).toBe(true); // 1.748 → 1.75 → 1.8 (B-068)
    expect(shareMatches((6 / 32) * 100, 18, 0)).toBe(true); // 18.75 truncated
    expect(shareMatches(75, 70, 0)).toBe(false);
    expect(shareMatches((13 / 564) * 100, 2.5, 1)).toBe(false);
    expect(shareMatches((10 / 572) * 100, 1.9, 1)).toBe(false);
  });
});

describe('metrics', () => {
  it('keys a count by the words after its verb, and not at all when they are too general', () => {
    const r = modelFile(seedPath(4));
    const keys = r.figures.filter((f) => f.value === 79 || f.value === 80).map((f) => metricKey(f));
    expect(keys).toEqual(['政务公文|item', '政务公文|item']);
    const c = model(realLine('dev/C-048.txt', '省统计局外网公开政府信息631条'));
    expect(c.figures.filter((f) => f.value === 631).map((f) => metricKey(f))).toEqual([undefined]);
  });

  it('names the table counts the prose states, and not replies to letters (dev C-004: 答复76条)', () => {
    const r = modelFile(devPath('B-076.txt'));
    const named = r.figures.map((f) => tableMetric(f, figureSentence(r, f))?.id).filter(Boolean);
    expect(named).toEqual(['new', 'granted', 'partly-granted']);
    const c = model(realLine('dev/C-004.txt', '答复76条'));
    expect(c.figures.map((f) => tableMetric(f, figureSentence(c, f)))).toEqual([undefined, undefined, undefined]);
  });

  it('approximate figures conflict only when their ranges cannot meet', () => {
    const r = model('2016年发布信息2400余条，另报送1800余条，又报送2450条，发布微博130余条，转发136条。');
    const [a, b, c, d, e] = r.figures;
    expect(conflicting(a!, b!)).toBe(true);
    expect(conflicting(a!, c!)).toBe(false);
    expect(conflicting(d!, e!)).toBe(false);
  });
});
