import { defineRule } from '../src/rules/types.js';
import type { Generation } from '../src/model/types.js';
import { knownTemplates, officialTablesFor, otherGenerationColumn, templateOf } from '../src/model/tables/index.js';
import type { SourceRange } from '../src/util/mapped-text.js';

const NAMES: Record<Generation, { zh: string; en: string }> = {
  legacy: { zh: '旧版（2008年条例第三十二条）', en: 'the legacy (2008 regulation, art. 32)' },
  'format-2019': { zh: '2019年版（国办公开办函〔2019〕60号）', en: 'the 2019 (国办公开办函〔2019〕60号)' },
  'format-2021': { zh: '2021年版（国办公开办函〔2021〕30号）', en: 'the 2021 (国办公开办函〔2021〕30号)' },
};

const T2 = (cols: string): string => `某某局2021年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | ${cols}
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 12`;

export default defineRule<Record<string, never>>({
  id: 'format-version',
  description: {
    zh: '表格和报告结构须采用报告年度对应的格式：2021年度起不得再用2019年版表格（本年新制作数量、对外公开总数量，（六）其他处理不分项），2019年度起不得再用旧版统计表或旧版结构',
    en: 'Tables and structure follow the format the report year calls for: no 2019-format tables (本年新制作数量, 对外公开总数量, a single （六）其他处理 row) from 2021, no legacy statistics table or structure from 2019',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    table: {
      zh: '“{table}”表采用{found}格式（“{marker}”），{year}年度报告应采用{expected}格式',
      en: 'table “{table}” follows {foundEn} format (“{marker}”); a report for {year} follows {expectedEn} format',
    },
    contents: {
      zh: '报告所述内容“{marker}”属{found}年报结构，{year}年度报告应采用{expected}格式的六个部分',
      en: 'the stated contents (“{marker}”) follow {foundEn} structure; a report for {year} has the six parts of {expectedEn} format',
    },
  },
  examples: {
    valid: [
      { title: '2021年度报告使用2021年版表二', text: T2('本年制发件数 | 本年废止件数 | 现行有效件数'), expected: [] },
    ],
    invalid: [
      {
        title: '2020年度报告的导语仍按旧版结构列出全文内容（警告）',
        text: `某某市应急管理局2020年政府信息公开工作年度报告
本报告全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、存在的主要问题和改进措施。
一、总体情况
2020年，我局认真贯彻《条例》。`,
        expected: [
          {
            line: 2,
            column: 8,
            endLine: 2,
            endColumn: 10,
            message: '报告所述内容“概述”属旧版（2008年条例第三十二条）年报结构，2020年度报告应采用2019年版（国办公开办函〔2019〕60号）格式的六个部分',
            severity: 'warning',
          },
        ],
      },
      {
        title: '2021年度报告仍使用2019年版表二栏目',
        text: T2('本年新制作数量 | 本年新公开数量 | 对外公开总数量'),
        expected: [
          {
            line: 4,
            column: 8,
            endLine: 4,
            endColumn: 15,
            message: '“主动公开政府信息情况”表采用2019年版（国办公开办函〔2019〕60号）格式（“本年新制作数量”），2021年度报告应采用2021年版（国办公开办函〔2021〕30号）格式',
          },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    // the year must say which format applies; a format guessed from the structure proves nothing
    if (report.generationSource !== 'year' && report.generationSource !== 'config') return;
    const expected = report.generation;
    const year = report.year?.value ?? '';
    const templates = knownTemplates(profile);
    const names = (found: Generation) => ({
      found: NAMES[found].zh,
      foundEn: NAMES[found].en,
      expected: NAMES[expected].zh,
      expectedEn: NAMES[expected].en,
      year,
    });
    /**
     * The first label that only the found generation's template has (or has as another kind of row);
     * `strict`: only a label the expected generation's template has no row or column for.
     */
    const markerOf = (kind: string, found: string, labels: { id: string; what: 'row' | 'column'; text: string; range: SourceRange }[], strict = false) => {
      const own = templates.find((t) => t.id === found);
      const other = templates.find((t) => t.kind === kind && t.generation === expected);
      const specOf = (tpl: typeof own, id: string, what: 'row' | 'column') =>
        tpl?.blocks.flatMap((b) => (what === 'row' ? b.rows : b.columns)).find((x) => x.id === id);
      const only = labels.find((l) => !specOf(other, l.id, l.what));
      if (strict) return only;
      return (
        only ??
        labels.find((l) => l.what === 'row' && !!(specOf(own, l.id, 'row') as { group?: boolean } | undefined)?.group !== !!(specOf(other, l.id, 'row') as { group?: boolean } | undefined)?.group) ??
        labels[0]
      );
    };
    for (const t of officialTablesFor(report, profile)) {
      if (t.generation === expected) {
        // the right table, but a header label from another generation's columns
        const tpl = templateOf(t, profile);
        for (const i of t.issues) {
          if (i.kind !== 'unknown-column' || !i.text || !tpl) continue;
          const other = otherGenerationColumn(tpl, i.text, profile);
          if (!other) continue;
          emit({ messageId: 'table', data: { table: tpl.title.replace(/^[一二三四五六七八九十]+、/, ''), marker: i.text, ...names(other.generation) }, range: i.range });
        }
        continue;
      }
      const labels = [
        ...t.columns.map((c) => ({ id: c.id, what: 'column' as const, text: c.label, range: c.range })),
        ...t.rows.map((r) => ({ id: r.id, what: 'row' as const, text: r.label, range: r.range })),
      ];
      const m = markerOf(t.kind, t.template, labels);
      const title = templates.find((x) => x.id === t.template)?.title.replace(/^[一二三四五六七八九十]+、/, '') ?? t.kind;
      emit({ messageId: 'table', data: { table: title, marker: m?.text ?? '', ...names(t.generation) }, range: m?.range ?? t.range });
    }
    for (const f of report.official.flattened) {
      // (a table with characters lost in decoding may have been taken for either generation)
      if (f.generation === expected || f.reason === 'lost-characters') continue;
      // a table that could not be read is another generation's only where a label says so: one
      // that the expected generation's form has nowhere (whether a label heads a group of rows or
      // a row of its own is the template's, not the text's, when the reading failed)
      const m = markerOf(f.kind, f.template, f.labels, true);
      if (!m) continue;
      const title = templates.find((x) => x.id === f.template)?.title.replace(/^[一二三四五六七八九十]+、/, '') ?? f.kind;
      emit({ messageId: 'table', data: { table: title, marker: m.text, ...names(f.generation) }, range: m.range });
    }
    const stated = report.official.evidence.statedContents;
    if (stated && stated.generation !== expected) {
      emit({ messageId: 'contents', data: { marker: stated.marker.text, ...names(stated.generation) }, range: stated.marker.range, severity: 'warning' });
    }
  },
});
