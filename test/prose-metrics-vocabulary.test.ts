import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { schemaValidator } from '../src/config/schema.js';
import { figureMetric, metricKey, proseMetrics, type ProseMetricsData } from '../src/model/figures/metrics.js';
import { repoRoot } from './helpers/corpus.js';

const file = path.join(repoRoot, 'src/vocabulary/prose-metrics.json');
const data = JSON.parse(readFileSync(file, 'utf8')) as ProseMetricsData;

function named(sentence: string): (string | undefined)[] {
  const r = modelDocument(readBuffer(Buffer.from(sentence, 'utf8'), 'x.txt')).report;
  return r.figures.map((f) => figureMetric(r, f)?.id);
}

/**
 * Each metric's wordings, as sentences with a count that must name it. A wording added to the
 * data comes with a sentence here.
 */
const WORDINGS: Record<string, string[]> = {
  'carried-over': ['上年结转政府信息公开申请1件。', '上一年度结转申请 3 件。'],
  'carry-forward': ['结转下年度继续办理2件。', '结转至2025年办理4件。', '结转下一年 31 件。'],
  new: ['全年新收政府信息公开申请13件。', '本年度共受理政府信息公开申请749件。', '2021年共收到依申请公开事项20件。'],
  'partly-granted': ['其中部分公开1件。'],
  granted: ['其中予以公开7件。', '同意公开答复12件。'],
  refused: ['不予公开1件。', '不同意公开2件。'],
  unavailable: ['无法提供3件。'],
  'not-processed': ['不予处理1件。'],
  'other-handling': ['其他处理2件。'],
  'results-total': ['共办结申请13件。', '本年度申请共办理 718 件。', '申请均已答复20件。'],
  review: ['发生政府信息公开行政复议2件。', '行政复议案件3件。'],
  litigation: ['行政诉讼1件。', '政府信息公开行政诉讼案件2件。'],
  'review-and-litigation': ['依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。', '行政复议和行政诉讼案件共5件。'],
  'review-upheld': ['政府信息公开行政复议5件，其中结果维持3件。', '行政复议方面：维持2件。', '2023年行政复议结果维持4件。'],
  'review-corrected': ['政府信息公开行政复议5件，其中结果纠正1件。', '行政复议方面：被依法纠错1件。'],
  'review-other': ['行政复议方面：其他结果1件。', '全年行政复议其他结果2件。'],
  'review-pending': ['行政复议方面：尚未审结2件。'],
  'litigation-upheld': ['行政诉讼46件，其中结果维持25件。'],
  'litigation-corrected': ['行政诉讼方面：结果纠正5件。'],
  'litigation-other': ['行政诉讼方面：其他结果9件。'],
  'litigation-pending': ['行政诉讼方面：尚未审结 7 件。', '行政诉讼案件中尚未审结3件。'],
  'rules-issued': ['制发政府规章1件。', '本年出台规章2件。'],
  'normative-issued': ['制发行政规范性文件3件。', '全年印发规范性文件 5 件。'],
};

describe('prose-metrics vocabulary', () => {
  it('the data file is valid against its schema', () => {
    const v = schemaValidator('vocabulary/prose-metrics.schema.json');
    expect(v(data), JSON.stringify(v.errors)).toBe(true);
    expect(proseMetrics().metrics.map((m) => m.id)).toEqual(data.metrics.map((m) => m.id));
  });

  it('malformed data is refused: a metric without words, an unknown key, a bad id, a sum of one', () => {
    const v = schemaValidator('vocabulary/prose-metrics.schema.json');
    const broken = (change: (d: ProseMetricsData & Record<string, unknown>) => void) => {
      const d = structuredClone(data) as ProseMetricsData & Record<string, unknown>;
      change(d);
      return v(d);
    };
    expect(broken((d) => delete (d.metrics[0] as Partial<ProseMetricsData['metrics'][0]>).match)).toBe(false);
    expect(broken((d) => (d.extra = 1))).toBe(false);
    expect(broken((d) => (d.metrics[0]!.id = 'Not An Id'))).toBe(false);
    expect(broken((d) => (d.metrics[0]!.sum = ['new']))).toBe(false);
    expect(broken((d) => (d.shareWholes = ['new+']))).toBe(false);
  });

  it('every pattern compiles', () => {
    const all = [...data.otherPeriod, ...data.otherRequests, ...data.metrics.flatMap((m) => [...m.match, ...(m.exclude ?? []), ...(m.context ?? []), ...(m.piece ?? [])])];
    for (const p of all) expect(() => new RegExp(p, 'u'), p).not.toThrow();
  });

  it('every metric has its wordings here, and each names it', () => {
    expect(Object.keys(WORDINGS).sort()).toEqual(data.metrics.map((m) => m.id).sort());
    for (const [id, sentences] of Object.entries(WORDINGS)) {
      for (const s of sentences) expect(named(s), s).toContain(id);
    }
  });

  it('every metric is carried by some table, directly or as a sum', () => {
    const carried = new Set(Object.values(data.cells).flatMap((byMetric) => Object.keys(byMetric)));
    for (const m of data.metrics) {
      for (const id of m.sum ?? [m.id]) expect(carried.has(id), `${m.id}: ${id}`).toBe(true);
    }
    for (const w of data.shareWholes) for (const id of w.split('+')) expect(carried.has(id), w).toBe(true);
  });

  it('an outcome of reviews or lawsuits is named only under its topic', () => {
    expect(named('全年结果维持3件。')).toEqual([undefined]);
    expect(named('行政复议方面：结果维持3件。行政诉讼方面：结果维持1件。')).toEqual(['review-upheld', 'litigation-upheld']);
  });

  it('counts of other requests and general words name nothing', () => {
    expect(named('收到市长信箱留言申请30件。')).toEqual([undefined]);
    const r = modelDocument(readBuffer(Buffer.from('全年公开信息20条。', 'utf8'), 'x.txt')).report;
    expect(metricKey(r.figures[0]!)).toBeUndefined();
  });
});
