#!/usr/bin/env node
// Where the time of one bench scenario goes: a V8 CPU profile in Chromium, attributed through
// source maps to our src/ files and to packages, plus Chromium's split of main-thread time into
// script, style recalculation and layout.
//
//   node bench/profile.mjs [app] [scenario] [extra]
//     app:      kit (default) | baseline | rjsf
//     scenario: mount (default) | typing | submit | empty
//     extra:    extra text fields (default 500)
//   PROFILE_RUNS=5   fresh pages profiled and summed (default 5)
//
// The app is a production build (React's production build) left unminified, with source maps,
// and `connection-kit` resolved to src/ so that time lands on our source files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { APP, buildApps, CHROMIUM, fillRest, mainThreadMetrics, openApp, OUT, REQUIRED_ERRORS, serve, TYPED } from './driver.mjs';
import { decodeSegment, packageOf, ROOT } from './sizes.mjs';

const [app = 'kit', scenario = 'mount', extraArg = '500'] = process.argv.slice(2);
const extra = Number(extraArg);
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
if (!APP[app] || !['mount', 'typing', 'submit', 'empty'].includes(scenario) || !Number.isInteger(extra)) {
  console.error('usage: node bench/profile.mjs [kit|baseline|rjsf] [mount|typing|submit|empty] [extra fields]');
  process.exit(2);
}

const outDir = join(OUT, 'profile');
await buildApps([app], undefined, {
  minify: false,
  sourcemap: true,
  outDir,
  alias: [
    { find: /^connection-kit$/, replacement: join(ROOT, 'src/index.ts') },
    { find: /^connection-kit\/styles\.css$/, replacement: join(ROOT, 'src/styles/connection-kit.css') },
  ],
});

/** Generated position -> original source, for every built asset of the app. */
function loadSourceMaps() {
  const maps = new Map();
  const assets = join(outDir, app, 'assets');
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(assets, file), 'utf8'));
    const lines = map.mappings.split(';').map(() => []);
    let source = 0;
    let line = 0;
    map.mappings.split(';').forEach((text, index) => {
      let column = 0;
      for (const segment of text.split(',')) {
        if (!segment) continue;
        const [dc, ds, dl] = decodeSegment(segment);
        column += dc;
        if (ds === undefined) continue;
        source += ds;
        line += dl;
        lines[index].push([column, source, line]);
      }
    });
    maps.set(file.replace(/\.map$/, ''), { sources: map.sources, lines });
  }
  return maps;
}

function locate(maps, url, lineNumber, columnNumber) {
  const file = url.split('/').pop();
  const map = maps.get(file);
  if (!map) return url ? `(${file})` : '(native)';
  const segments = map.lines[lineNumber] ?? [];
  let found;
  for (const segment of segments) {
    if (segment[0] > columnNumber) break;
    found = segment;
  }
  if (!found) return '(unmapped)';
  const source = map.sources[found[1]].replace(/^(\.\.\/)+/, '/');
  const name = packageOf(source.startsWith('/') ? join(ROOT, source) : source);
  return name.startsWith('src/') || name.startsWith('bench/') ? `${name}:${found[2] + 1}` : name;
}

async function profileOnce(context, origin, maps, totals) {
  const page = await openApp(context, origin, app, extra);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { control, errorSelector } = APP[app];
  if (scenario !== 'mount') {
    await page.evaluate(() => window.bench.mount());
    if (scenario === 'typing' || scenario === 'submit') {
      await page.click(control('host'));
      if (scenario === 'submit') {
        await page.keyboard.type(TYPED);
        await fillRest(page, app);
      }
    }
    await page.evaluate(() => window.bench.settle());
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const before = await mainThreadMetrics(cdp);
  await cdp.send('Profiler.start');
  if (scenario === 'mount') await page.evaluate(() => window.bench.mount());
  else if (scenario === 'typing') {
    await page.keyboard.type(TYPED);
    await page.evaluate(() => window.bench.settle());
  } else if (scenario === 'submit') await page.evaluate(() => window.bench.submit());
  else await page.evaluate(([sel, n]) => window.bench.emptySubmit(sel, n), [errorSelector, REQUIRED_ERRORS]);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await mainThreadMetrics(cdp);
  for (const key of Object.keys(before)) totals.metrics[key] = (totals.metrics[key] ?? 0) + after[key] - before[key];

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const where = new Map();
  const whereOf = (id) => {
    if (!where.has(id)) {
      const { callFrame } = nodes.get(id);
      where.set(id, locate(maps, callFrame.url, callFrame.lineNumber, callFrame.columnNumber));
    }
    return where.get(id);
  };
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { callFrame } = nodes.get(id);
    const at = whereOf(id);
    add(totals.byGroup, at.replace(/:\d+$/, ''), ms);
    add(totals.byFunction, `${callFrame.functionName || '(anonymous)'}  ${at}`, ms);
    // The innermost caller in our code (src/) or in the app: whose call cost this sample.
    for (let up = id; up !== undefined; up = parents.get(up)) {
      const caller = whereOf(up);
      if (caller.startsWith('src/') || caller.startsWith('apps/')) {
        add(totals.byCaller, `${nodes.get(up).callFrame.functionName || '(anonymous)'}  ${caller}`, ms);
        break;
      }
    }
  });
  await page.close();
}

const server = await serve(outDir);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(CHROMIUM);
try {
  const context = await browser.newContext();
  const maps = loadSourceMaps();
  // A warm-up page, as in the bench, then the profiled ones.
  await profileOnce(context, origin, maps, { metrics: {}, byGroup: new Map(), byFunction: new Map(), byCaller: new Map() });
  const totals = { metrics: {}, byGroup: new Map(), byFunction: new Map(), byCaller: new Map() };
  for (let i = 0; i < RUNS; i++) await profileOnce(context, origin, maps, totals);
  const per = (ms) => (ms / RUNS).toFixed(1).padStart(8);
  const m = totals.metrics;
  console.log(`${app}, ${scenario}, ${6 + extra} fields: per run (mean of ${RUNS}), ms`);
  // (ScriptDuration reads near zero while the profiler runs, so it is not shown here.)
  console.log(`  main thread ${per(m.task)}   style ${per(m.style)}   layout ${per(m.layout)}`);
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('\nself time by source file / package:');
  for (const [name, ms] of top(totals.byGroup, 18)) console.log(`${per(ms)}  ${name}`);
  console.log('\nself time by function:');
  for (const [name, ms] of top(totals.byFunction, 25)) console.log(`${per(ms)}  ${name}`);
  console.log('\ntime (self and callees) under the innermost function of src/ or of the app:');
  for (const [name, ms] of top(totals.byCaller, 20)) console.log(`${per(ms)}  ${name}`);
} finally {
  await browser.close();
  server.close();
}
