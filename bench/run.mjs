#!/usr/bin/env node
// npm run bench: connection-kit beside a hand-written react-hook-form + zod/mini + Radix Select
// baseline and @rjsf/core, as production builds in Debian's Chromium, driven by Playwright.
// Prints a table with ratios to the baseline and writes bench/results/latest.json.
// What each figure means: docs/performance.md.
//
// Environment:
//   BENCH_SAMPLES=4              timing samples per app and form (2 fresh pages each; medians)
//   BENCH_FIELDS=0,10,100,500    extra text fields on top of the six-field form
//   BENCH_APPS=kit,baseline,rjsf
//   BENCH_OUT=bench/results/latest.json
//   BENCH_SIZES=0                skip the bundle sizes
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright';
import {
  APP,
  buildApps,
  CHROMIUM,
  EXPECTED_PROPS,
  fillRest,
  mark,
  openApp,
  OUT,
  REQUIRED_ERRORS,
  serve,
  traced,
  TYPED,
} from './driver.mjs';
import { appPayload, buildPackage, definitionsOnly, kb, ownCode, ROOT, wholePackagePayload } from './sizes.mjs';

const SAMPLES = positiveInt(process.env.BENCH_SAMPLES, 4);
const EXTRAS = (process.env.BENCH_FIELDS ?? '0,10,100,500').split(',').map((n) => Number(n.trim()));
const APPS = (process.env.BENCH_APPS ?? 'kit,baseline,rjsf').split(',').map((a) => a.trim());
const RESULTS = join(ROOT, process.env.BENCH_OUT ?? 'bench/results/latest.json');
const WITH_SIZES = process.env.BENCH_SIZES !== '0';

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Samples. Every figure is taken inside the page: CPU time of the renderer's main thread from a
// Chromium trace between two performance.marks, and wall-clock time from performance.now. Never
// Playwright round trips.

/**
 * Page 1: mount; typing 20 characters into Host; fill the rest; submit until the value.
 * Wall-clock times come from performance.now in the page; CPU times from the trace.
 */
async function sampleFilled(browser, context, origin, app, extra) {
  const page = await openApp(context, origin, app, extra);
  const host = APP[app].control('host');
  const { result, cpuBetween } = await traced(browser, page, async () => {
    await mark(page, 'mount-start');
    const mount = await page.evaluate(() => window.bench.mount());
    await mark(page, 'mount-end');
    await page.click(host);
    await page.evaluate(() => window.bench.settle());
    await mark(page, 'typing-start');
    await page.keyboard.type(TYPED);
    await page.evaluate(() => window.bench.settle());
    await mark(page, 'typing-end');
    const typed = await page.inputValue(host);
    if (typed !== TYPED) throw new Error(`${app}: Host holds ${JSON.stringify(typed)} after typing`);
    await fillRest(page, app);
    await page.evaluate(() => window.bench.settle());
    await mark(page, 'submit-start');
    const submit = await page.evaluate(() => window.bench.submit());
    await mark(page, 'submit-end');
    return { mount, submit };
  });
  await page.close();
  return {
    mountWall: result.mount.ms,
    mount: cpuBetween('mount-start', 'mount-end'),
    typing: cpuBetween('typing-start', 'typing-end'),
    submitWall: result.submit.ms,
    submit: cpuBetween('submit-start', 'submit-end'),
    value: result.submit.value,
  };
}

/** Page 2: mount; submit the empty form until the three required-field errors are shown. */
async function sampleEmpty(browser, context, origin, app, extra) {
  const page = await openApp(context, origin, app, extra);
  const { errorSelector } = APP[app];
  const { result, cpuBetween } = await traced(browser, page, async () => {
    await mark(page, 'mount-start');
    const mount = await page.evaluate(() => window.bench.mount());
    await mark(page, 'mount-end');
    await page.evaluate(() => window.bench.settle());
    await mark(page, 'empty-start');
    const empty = await page.evaluate(([sel, n]) => window.bench.emptySubmit(sel, n), [errorSelector, REQUIRED_ERRORS]);
    await mark(page, 'empty-end');
    return { mount, empty };
  });
  await page.close();
  return {
    mountWall: result.mount.ms,
    mount: cpuBetween('mount-start', 'mount-end'),
    emptySubmitWall: result.empty.ms,
    emptySubmit: cpuBetween('empty-start', 'empty-end'),
  };
}

/** Render counts, in pages of their own (the counter walks the fiber tree, which costs time). */
async function countRenders(context, origin, app, extra) {
  const { rowSelector, errorSelector, control } = APP[app];
  const read = (page, typed) => page.evaluate((sel) => window.__renders.read(sel), typed);
  const reset = (page) => page.evaluate((sel) => window.__renders.reset(sel), rowSelector);
  const settle = (page) => page.evaluate(() => window.bench.settle());

  let page = await openApp(context, origin, app, extra, { counter: true });
  await reset(page);
  await page.evaluate(() => window.bench.mount());
  const mount = await read(page);
  await page.click(control('host'));
  await settle(page);
  await reset(page);
  await page.keyboard.type(TYPED);
  await settle(page);
  const typing = await read(page, control('host'));
  await fillRest(page, app);
  await settle(page);
  await reset(page);
  const submitted = await page.evaluate(() => window.bench.submit());
  await settle(page);
  const submit = await read(page);
  await page.close();

  page = await openApp(context, origin, app, extra, { counter: true });
  await page.evaluate(() => window.bench.mount());
  await reset(page);
  await page.evaluate(([sel, n]) => window.bench.emptySubmit(sel, n), [errorSelector, REQUIRED_ERRORS]);
  await settle(page);
  const emptySubmit = await read(page);
  await page.close();
  return { renders: { mount, typing, submit, emptySubmit }, value: submitted.value };
}

// ---------------------------------------------------------------------------------------------
// Checks and report

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

/** Every app must emit the same value for the same input, or the comparison means nothing. */
function checkValue(app, value) {
  const expected = JSON.stringify(sortKeys({ type: 'CUSTOM_AUTH', props: EXPECTED_PROPS }));
  const actual = JSON.stringify(sortKeys(value));
  if (actual !== expected) throw new Error(`${app} emitted ${actual}, expected ${expected}`);
}

function gitRevision() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'vite.config.ts');
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

const ratio = (value, base) => (base > 0 && Number.isFinite(value) ? value / base : undefined);
const fmtRatio = (r) => (r === undefined ? '' : `${r.toFixed(2)}x`);

/** A Markdown table; `aligns` holds 'l' or 'r' per column. */
export function markdownTable(header, rows, aligns) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (aligns[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (aligns[i] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** One row per form size and app: `columns` are [header, key or function, digits, ratio?]. */
function resultTable(results, columns) {
  const header = ['fields', 'app'];
  for (const [title, , , withRatio] of columns) header.push(title, ...(withRatio ? ['x base'] : []));
  const rows = [];
  for (const extra of EXTRAS) {
    const base = results.find((r) => r.app === 'baseline' && r.extra === extra);
    for (const app of APPS) {
      const r = results.find((x) => x.app === app && x.extra === extra);
      if (!r) continue;
      const row = [6 + extra, app];
      for (const [, get, digits, withRatio] of columns) {
        const value = typeof get === 'function' ? get(r) : r.median[get];
        row.push(digits === undefined ? value : value.toFixed(digits));
        if (withRatio) row.push(fmtRatio(ratio(value, base && (typeof get === 'function' ? get(base) : base.median[get]))));
      }
      rows.push(row);
    }
  }
  return markdownTable(
    header,
    rows,
    header.map((_, i) => (i === 1 ? 'l' : 'r')),
  );
}

const cpuTable = (results) =>
  resultTable(results, [
    ['mount', 'mount', 1, true],
    ['typing 20 chars', 'typing', 1, true],
    ['renders', (r) => r.renders.typing.renders],
    ['other rows', (r) => r.renders.typing.otherRows],
    ['submit→value', 'submit', 1, true],
    ['empty→errors', 'emptySubmit', 1, true],
  ]);

const wallTable = (results) =>
  resultTable(results, [
    ['mount', 'mountWall', 1, true],
    ['submit→value', 'submitWall', 1, true],
    ['empty→errors', 'emptySubmitWall', 1, true],
  ]);

function sizeTable(sizes) {
  const base = sizes.apps.baseline?.gzip;
  const rows = [
    ['connection-kit own code (dist/index.js and its static chunks; deps and peers external)', sizes.ownCode.min, sizes.ownCode.gzip, ''],
    ...(sizes.ownCode.lazy?.files
      ? [
          [
            'connection-kit OAuth2 flow chunk (dynamic import(), OAuth2 definitions only; not counted above)',
            sizes.ownCode.lazy.min,
            sizes.ownCode.lazy.gzip,
            '',
          ],
        ]
      : []),
    ...Object.entries(sizes.apps).map(([app, s]) => [
      `${APP[app].label}: six-field form, all beyond React`,
      s.min,
      s.gzip,
      fmtRatio(ratio(s.gzip, base)),
    ]),
    [
      'connection-kit: every export of the package entry, beyond React',
      sizes.wholePackage.min,
      sizes.wholePackage.gzip,
      fmtRatio(ratio(sizes.wholePackage.gzip, base)),
    ],
    [
      "only { PieceAuth, Property } from 'connection-kit', nothing external",
      sizes.definitionsOnly.min,
      sizes.definitionsOnly.gzip,
      sizes.definitionsOnly.ok ? 'no React' : 'PULLS REACT',
    ],
  ];
  return markdownTable(['bundle (bytes)', 'min', 'min+gzip', 'x base'], rows, ['l', 'r', 'r', 'r']);
}

/** Issue 6's targets, checked against this run. */
function targets(results, sizes) {
  const out = [];
  const get = (app, extra) => results.find((r) => r.app === app && r.extra === extra);
  const add = (target, measured, ok) => out.push({ target, measured, ok });
  if (sizes) {
    add('own code ≤ 12.0 kB min+gzip', kb(sizes.ownCode.gzip), sizes.ownCode.gzip <= 12_000);
    if (sizes.apps.kit && sizes.apps.baseline) {
      const r = sizes.apps.kit.gzip / sizes.apps.baseline.gzip;
      add(
        `host payload ≤ 1.05x baseline (${kb(sizes.apps.baseline.gzip * 1.05)})`,
        `${kb(sizes.apps.kit.gzip)} = ${r.toFixed(2)}x`,
        r <= 1.05,
      );
    }
    const defs = sizes.definitionsOnly;
    add('definitions-only import pulls no React', defs.ok ? 'no React' : `pulls ${defs.reactPackages.slice(0, 3).join(', ')}…`, defs.ok);
  }
  for (const extra of EXTRAS) {
    const kit = get('kit', extra);
    const base = get('baseline', extra);
    const rjsf = get('rjsf', extra);
    if (!kit || !base) continue;
    const n = 6 + extra;
    const vsBase = (key, limit, label) => {
      const r = kit.median[key] / base.median[key];
      add(`${n} fields: ${label} ≤ ${limit}x baseline`, `${r.toFixed(2)}x`, r <= limit);
    };
    if (extra === 0 || extra === 100) vsBase('mount', 1.1, 'mount');
    if (extra === 500 && rjsf) {
      const r = kit.median.mount / rjsf.median.mount;
      add(`${n} fields: mount ≤ rjsf`, `${r.toFixed(2)}x rjsf (${(kit.median.mount / base.median.mount).toFixed(2)}x baseline)`, r <= 1);
    }
    add(`${n} fields: typing re-renders no other field`, `${kit.renders.typing.otherRows} other rows`, kit.renders.typing.otherRows === 0);
    vsBase('typing', 1.2, 'typing CPU time');
    vsBase('submit', 1.2, 'submit→value');
    vsBase('emptySubmit', 1.2, 'empty submit→errors');
  }
  return out;
}

async function measureSizes(packageDir) {
  const apps = {};
  for (const app of APPS) {
    const s = await appPayload(app, packageDir);
    apps[app] = { min: s.min, gzip: s.gzip, cssGzip: s.cssGzip, byPackage: s.byPackage, lazyGzip: s.lazy.gzip };
  }
  const pick = ({ min, gzip, byPackage, lazy }) => ({ min, gzip, byPackage, lazy: { min: lazy.min, gzip: lazy.gzip, files: lazy.files } });
  const defs = await definitionsOnly(packageDir);
  return {
    ownCode: pick(await ownCode(packageDir)),
    apps,
    wholePackage: pick(await wholePackagePayload(packageDir)),
    definitionsOnly: { min: defs.min, gzip: defs.gzip, ok: defs.ok, packages: defs.packages, reactPackages: defs.reactPackages },
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CHROMIUM.executablePath)) {
    console.error(`Chromium is missing at ${CHROMIUM.executablePath}: apt-get update && apt-get install -y chromium`);
    process.exit(1);
  }
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const loadStart = loadavg()[0];
  if (loadStart > cpus().length) {
    log(`warning: load average ${loadStart.toFixed(1)} on ${cpus().length} cores: timings will be inflated and noisy`);
  }
  log(`bench: ${APPS.join(', ')}; forms of ${EXTRAS.map((e) => 6 + e).join(', ')} fields; ${SAMPLES} samples`);
  // The library from the current src/, built with the project's vite config, privately: dist/ is
  // left alone.
  const packageDir = await buildPackage(join(OUT, 'pkg'));
  await buildApps(APPS, packageDir);
  log(`built the library and ${APPS.length} apps (${elapsed()})`);
  const sizes = WITH_SIZES ? await measureSizes(packageDir) : undefined;

  const server = await serve(OUT);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(CHROMIUM);
  try {
    // One context per app (its own HTTP and code caches). The render-count pages come first
    // and double as warm-up.
    const contexts = {};
    for (const app of APPS) contexts[app] = await browser.newContext();
    const results = [];
    for (const extra of EXTRAS) {
      for (const app of APPS) {
        const { renders, value } = await countRenders(contexts[app], origin, app, extra);
        checkValue(app, value);
        results.push({ app, extra, fields: 6 + extra, renders, samples: [] });
      }
    }
    log(`counted renders, checked values (${elapsed()})`);

    // Samples interleaved across forms and apps, rotating the app order, so that drift in the
    // machine's load hits every app alike.
    for (let i = 0; i < SAMPLES; i++) {
      for (const extra of EXTRAS) {
        for (let k = 0; k < APPS.length; k++) {
          const app = APPS[(k + i) % APPS.length];
          const result = results.find((r) => r.app === app && r.extra === extra);
          const { value, ...filled } = await sampleFilled(browser, contexts[app], origin, app, extra);
          checkValue(app, value);
          const empty = await sampleEmpty(browser, contexts[app], origin, app, extra);
          result.samples.push({ page: 'filled', ...filled }, { page: 'empty', ...empty });
        }
      }
      log(`sample ${i + 1}/${SAMPLES} (${elapsed()})`);
    }
    for (const context of Object.values(contexts)) await context.close();

    for (const r of results) {
      const col = (key) => r.samples.map((s) => s[key]).filter((v) => typeof v === 'number');
      r.median = {};
      // Both pages of a sample give a first mount in a fresh page.
      for (const key of ['mount', 'typing', 'submit', 'emptySubmit', 'mountWall', 'submitWall', 'emptySubmitWall']) {
        r.median[key] = round(median(col(key)));
      }
      r.samples = r.samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])));
    }

    const checked = targets(results, sizes);
    const report = {
      date: new Date().toISOString(),
      revision: gitRevision(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        node: process.version,
        chromium: browser.version(),
        // 1-minute load average at the start and the end: above the core count, timings inflate.
        load: [round(loadStart), round(loadavg()[0])],
      },
      samples: SAMPLES,
      seconds: round((Date.now() - started) / 1000, 1),
      units: { time: 'ms, median', size: 'bytes' },
      sizes,
      results,
      targets: checked,
    };
    mkdirSync(join(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

    console.log(
      `\nconnection-kit bench: ${report.revision}, Chromium ${report.machine.chromium}, ${report.machine.cpus} cores ` +
        `(load ${report.machine.load.join(' → ')}); median of ${SAMPLES} samples (mount: ${SAMPLES * 2})\n`,
    );
    console.log('Main-thread CPU ms (renders: components rendered while typing; other rows: field rows re-rendered besides Host)');
    console.log(cpuTable(results));
    console.log('\nWall-clock ms, in the page (performance.now)');
    console.log(wallTable(results));
    if (sizes) console.log(`\n${sizeTable(sizes)}`);
    const rows = checked.map((t) => [t.target, t.measured, t.ok ? 'met' : 'MISSED']);
    console.log(`\nTargets (issue 6):\n${markdownTable(['target', 'measured', ''], rows, ['l', 'r', 'l'])}`);
    console.log(`\nWrote ${relative(ROOT, RESULTS)} (${elapsed()}).`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
