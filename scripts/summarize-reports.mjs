#!/usr/bin/env node
// Sums test reports into the one closing line CI reads: `N passed, N failed`.
//
//   node scripts/summarize-reports.mjs [--step NAME=EXIT_CODE]... [REPORT.json[=EXIT_CODE]]...
//
// REPORT.json is a vitest JSON report (`--reporter=json`) or a Playwright one
// (`--reporter=json`, PLAYWRIGHT_JSON_OUTPUT_NAME). Its optional EXIT_CODE is the exit code of
// the run that wrote it: non-zero with no failed test in the report (a crash, an unhandled error)
// counts as 1 failed, and so does a missing or unreadable report.
// --step records a step without tests (typecheck, a build): a non-zero exit code is 1 failed.
// Exits 1 when anything failed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Counts of one report, whichever runner wrote it. */
export function countReport(report) {
  if (report && typeof report.numPassedTests === 'number') {
    // vitest (Jest-compatible JSON). `success` is false on unhandled errors too.
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      broken: report.success === false && !report.numFailedTests,
    };
  }
  if (report?.stats && typeof report.stats.expected === 'number') {
    // Playwright: flaky tests failed once and then passed on retry.
    const { expected, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    return {
      passed: expected + flaky,
      failed: unexpected,
      skipped,
      broken: Array.isArray(report.errors) && report.errors.length > 0 && unexpected === 0,
    };
  }
  throw new Error('neither a vitest nor a Playwright JSON report');
}

/** Splits `a=b` at the last `=`; `b` must be an integer exit code. */
function splitExitCode(arg) {
  const match = /^(.*)=(-?\d+)$/.exec(arg);
  return match ? [match[1], Number(match[2])] : [arg, undefined];
}

export function summarize(args) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--step') {
      const [name, code] = splitExitCode(args[++i] ?? '');
      const ok = code === 0;
      if (!ok) failed += 1;
      lines.push([name, ok ? 'ok' : `FAILED (exit ${code ?? '?'})`]);
      continue;
    }
    const [file, code] = splitExitCode(args[i]);
    const name = basename(file);
    let counts;
    try {
      counts = countReport(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      failed += 1;
      lines.push([name, `FAILED: no usable report (${error.code ?? error.message})`]);
      continue;
    }
    passed += counts.passed;
    failed += counts.failed;
    let text = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    if (counts.failed === 0 && (counts.broken || (code !== undefined && code !== 0))) {
      failed += 1;
      text += ` — run FAILED (exit ${code ?? '?'}) outside the tests; counted as 1 failed`;
    }
    lines.push([name, text]);
  }
  return { lines, passed, failed };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { lines, passed, failed } = summarize(process.argv.slice(2));
  const width = Math.max(0, ...lines.map(([name]) => name.length));
  for (const [name, text] of lines) console.log(`  ${name.padEnd(width)}  ${text}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
