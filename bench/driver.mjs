// What bench/run.mjs and bench/profile.mjs share: how each app is built, served and driven.
import react from '@vitejs/plugin-react';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { packageAlias, ROOT } from './sizes.mjs';

export const BENCH = join(ROOT, 'bench');
export const OUT = join(BENCH, '.out');
export const TYPED = 'abcdefghijklmnopqrst'; // 20 characters
export const CHROMIUM = chromiumLaunchOptions();

async function pickRegionInRadix(page) {
  await page.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'EU (Ireland)' }).click();
}

/** How each app is driven: its controls, its field rows and its error messages. */
export const APP = {
  kit: {
    label: 'connection-kit',
    rowSelector: '.ck-field',
    errorSelector: '.ck-error',
    control: (key) => `[name="${key}"]`,
    pickRegion: pickRegionInRadix,
  },
  baseline: {
    label: 'baseline (RHF + zod/mini + Radix)',
    rowSelector: '.field',
    errorSelector: '.error',
    control: (key) => `[name="${key}"]`,
    pickRegion: pickRegionInRadix,
  },
  rjsf: {
    label: '@rjsf/core + ajv8',
    rowSelector: '.form-group.rjsf-field:not(.rjsf-field-object)',
    errorSelector: '.error-detail',
    control: (key) => `#root_${key}`,
    pickRegion: (page) => page.selectOption('#root_region', { label: 'EU (Ireland)' }),
  },
};

/** An empty submit shows these many field errors: host, API key, region. */
export const REQUIRED_ERRORS = 3;
/** What every app must emit after Host was typed into and `fillRest` ran. */
export const EXPECTED_PROPS = { host: TYPED, apiKey: 'sk-bench-key', region: 'eu-west-1', useTls: true, port: 5432 };

/**
 * Production builds of the apps (React's production build, minified) into bench/.out/<app>/,
 * with `connection-kit` resolved to the library build in `packageDir` (or `alias`). `minify:
 * false` with `sourcemap` is for profiling.
 */
export async function buildApps(
  apps,
  packageDir,
  { minify = true, sourcemap = false, outDir = OUT, alias = packageAlias(packageDir) } = {},
) {
  for (const app of apps) {
    await build({
      configFile: false,
      root: join(BENCH, 'apps', app),
      base: './',
      logLevel: 'warn',
      mode: 'production',
      plugins: [react()],
      resolve: { alias },
      build: {
        outDir: join(outDir, app),
        emptyOutDir: true,
        minify,
        sourcemap,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 5000,
      },
    });
  }
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** A static file server for `dir` on 127.0.0.1 (a free port). */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A fresh page with the app loaded (not mounted yet); `counter` injects the render counter. */
export async function openApp(context, origin, app, extra, { counter = false } = {}) {
  const page = await context.newPage();
  if (counter) await page.addInitScript({ path: join(BENCH, 'render-counter.js') });
  await page.goto(`${origin}/${app}/index.html?extra=${extra}`);
  await page.waitForFunction(() => typeof window.bench === 'object');
  return page;
}

/** Fills the rest of the form validly once Host holds TYPED: API key, region, TLS, port. */
export async function fillRest(page, app) {
  const { control, pickRegion } = APP[app];
  await page.fill(control('apiKey'), EXPECTED_PROPS.apiKey);
  await pickRegion(page);
  await page.check(control('useTls'));
  await page.fill(control('port'), String(EXPECTED_PROPS.port));
}

/**
 * Runs `fn` with Chromium tracing on and returns a function that gives the renderer main
 * thread's CPU time (ms) between two `performance.mark`s that `fn` placed. CPU time (the
 * trace's `tdur` of every task on the main thread in that window) barely moves with the
 * machine's load, unlike wall-clock time, which inflates when other processes compete.
 */
export async function traced(browser, page, fn) {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  let result;
  let buffer;
  try {
    result = await fn();
  } finally {
    buffer = await browser.stopTracing();
  }
  const parsed = JSON.parse(buffer.toString());
  const events = parsed.traceEvents ?? parsed;
  const cpuBetween = (start, end) => {
    const a = events.find((e) => e.name === start);
    const b = events.find((e) => e.name === end);
    if (!a || !b) throw new Error(`marks ${start} / ${end} missing from the trace`);
    let tdur = 0;
    for (const e of events) {
      if (e.ph !== 'X' || e.pid !== a.pid || e.tid !== a.tid) continue;
      if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
      if (e.ts + e.dur >= a.ts && e.ts <= b.ts) tdur += e.tdur ?? e.dur;
    }
    return tdur / 1000;
  };
  return { result, cpuBetween };
}

/** Places a `performance.mark` in the page (read back from the trace by `traced`). */
export const mark = (page, name) => page.evaluate((n) => void performance.mark(n), name);

/** Cumulative main-thread times of the page's renderer, in ms (CDP Performance domain). */
export async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration'), task: get('TaskDuration') };
}
