#!/usr/bin/env node
// Two bench runs side by side: `node bench/compare.mjs before.json after.json` prints, per form
// size, the kit's main-thread CPU time in each run, after/before, and the same ratio of the
// hand-written baseline as a control (the baseline's code did not change, so its ratio is the
// machine's noise: read the kit's ratio against it). Then own code and host payload (min+gzip).
// The files are what `npm run bench` writes (BENCH_OUT); run both on the same machine, quiet.
import { readFileSync } from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/compare.mjs <before.json> <after.json>');
  process.exit(2);
}
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: not a bench result (${error.message})`);
    process.exit(2);
  }
};
const before = read(beforeFile);
const after = read(afterFile);

const METRICS = [
  ['mount', 'mount'],
  ['typing', 'typing 20 chars'],
  ['submit', 'submit→value'],
  ['emptySubmit', 'empty→errors'],
];
const find = (run, app, fields) => run.results.find((r) => r.app === app && r.fields === fields);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}x` : '—');
const ms = (x) => (typeof x === 'number' ? x.toFixed(1) : '—');
const fieldCounts = [...new Set(after.results.map((r) => r.fields))].sort((a, b) => a - b);

const header = ['fields', 'metric', 'kit before', 'kit after', 'kit after/before', 'baseline after/before'];
const rows = [];
for (const fields of fieldCounts) {
  const kb = find(before, 'kit', fields);
  const ka = find(after, 'kit', fields);
  const bb = find(before, 'baseline', fields);
  const ba = find(after, 'baseline', fields);
  if (!kb || !ka) continue;
  for (const [key, label] of METRICS) {
    rows.push([
      fields,
      label,
      ms(kb.median[key]),
      ms(ka.median[key]),
      ratio(ka.median[key], kb.median[key]),
      ratio(ba?.median[key], bb?.median[key]),
    ]);
  }
}

const table = (head, body, left = 2) => {
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i < left ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
};

const runOf = (run) => `${run.revision}, ${run.date.slice(0, 10)}, ${run.samples} samples, load ${run.machine.load.join(' / ')}`;
console.log(`before: ${runOf(before)}\nafter:  ${runOf(after)}\n\nMain-thread CPU time, ms (medians)\n`);
console.log(table(header, rows));

const size = (run, get) => {
  try {
    return get(run.sizes);
  } catch {
    return undefined;
  }
};
const bytes = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : '—');
const sizeRows = [
  ['own code', (s) => s.ownCode.gzip],
  ['OAuth2 chunk', (s) => s.ownCode.lazy.gzip],
  ['host payload, six-field form', (s) => s.apps.kit.gzip],
].map(([label, get]) => {
  const b = size(before, get);
  const a = size(after, get);
  return [label, bytes(b), bytes(a), ratio(a, b)];
});
console.log('\nSize, bytes min+gzip\n');
console.log(table(['what', 'before', 'after', 'after/before'], sizeRows, 1));
