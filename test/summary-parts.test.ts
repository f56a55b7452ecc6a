/**
 * Without a manifest, which reports are a government summary's parts is told by their names: the
 * government's own departments. A wrong part makes the summary look short, so whatever is not
 * surely a department of that government must stay out.
 */
import { describe, expect, it } from 'vitest';
import { partsByName } from '../src/audit/bodies.js';
import type { AuditBody } from '../src/audit/record.js';

const report = (name: string, over: Partial<AuditBody> = {}): { body: AuditBody } => ({
  body: { name, key: name, year: 2022, source: 'report', kind: over.kind ?? 'body', ...over },
});

const PLACES = ['青河县', '亳州市', '广州市白云区', '平潭综合实验区', '阿拉善盟', '额济纳旗'];
const DEPARTMENTS = ['教育局', '住房和城乡建设局', '市场监督管理局', '人民政府办公室', '卫生健康委员会', '自然资源和规划局', '城市管理综合行政执法局', '档案馆', '地方志办公室', '医疗保障局'];

describe('the parts of a summary, told by their names', () => {
  it.each(PLACES)('the departments of %s人民政府, whatever their names hold (城乡, 市场)', (place) => {
    const gov = report(`${place}人民政府`, { kind: 'summary' });
    const parts = DEPARTMENTS.map((d) => report(`${place}${d}`));
    expect(partsByName(gov, [gov, ...parts]).map((r) => r.body.name)).toEqual(parts.map((r) => r.body.name));
    // the same government named without 人民政府 in the report's title
    const bare = report(place, { kind: 'summary' });
    expect(partsByName(bare, [bare, ...parts])).toHaveLength(parts.length);
  });

  it('not a place below the government: its towns, its districts and their departments', () => {
    const county = report('青河县人民政府', { kind: 'summary' });
    const below = ['青河县河口镇人民政府', '青河县柳林乡人民政府', '青河县城东街道办事处', '青河县经济开发区管理委员会'].map((n) => report(n));
    expect(partsByName(county, [county, ...below])).toEqual([]);
    const city = report('亳州市人民政府', { kind: 'summary' });
    const districts = ['亳州市谯城区人民政府', '亳州市谯城区教育局', '亳州市利辛县财政局'].map((n) => report(n));
    expect(partsByName(city, [city, ...districts])).toEqual([]);
  });

  it('not a body managed from above, whose figures the local summary does not hold', () => {
    const gov = report('青河县人民政府', { kind: 'summary' });
    const vertical = ['青河县税务局', '青河县气象局', '青河县烟草专卖局', '青河县消防救援大队', '青河县邮政管理局'].map((n) => report(n));
    expect(partsByName(gov, [gov, ...vertical])).toEqual([]);
  });

  it('not another year, another summary, a report a manifest files elsewhere, or the government itself', () => {
    const gov = report('青河县人民政府', { kind: 'summary' });
    const others = [
      report('青河县教育局', { year: 2021 }),
      report('青河县人民政府', { kind: 'summary', year: 2022 }),
      report('青河县财政局', { parent: '白河县人民政府' }),
      report('青河县政府'),
      report('青河县民政局', { kind: null }),
    ];
    expect(partsByName(gov, [gov, ...others])).toEqual([]);
  });

  it('nothing for a summary whose name gives no place (a bare 人民政府, a name cut short)', () => {
    for (const name of ['人民政府', '政府', '青河']) {
      const gov = report(name, { kind: 'summary' });
      expect(partsByName(gov, [gov, report('青河县教育局'), report(`${name}教育局`)]), name).toEqual([]);
    }
  });
});
