import { reportTexts } from './generate.mjs';
const { lintDocument } = await import('../dist/src/lint.js');
const { readBuffer } = await import('../dist/src/read/index.js');
const { exampleReport, table2Text, table3Text } = await import('../dist/src/audit/example-reports.js');
const texts = [...reportTexts({ files: 300, seed: 12345, exampleReport, table2Text, table3Text })].map((t) => Buffer.from(t));
for (let r = 0; r < 25; r++) for (let i = 0; i < texts.length; i++) lintDocument(readBuffer(texts[i], `r${i}.md`));
