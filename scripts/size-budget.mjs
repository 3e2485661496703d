#!/usr/bin/env node
// Bundle budget, checked in CI after `npm run build` (scripts/test-all.sh, step "bundle budget").
// Bytes, not timings: every figure is one vite/rolldown bundle, fully minified, gzipped at
// level 9, so it is the same on every machine for a given lockfile.
//
//   node scripts/size-budget.mjs          check dist/ against the budgets below
//   node scripts/size-budget.mjs --why    also list our own bytes per source file
//   node scripts/size-budget.mjs --dist <dir>   check another build of the package
//
// Checks:
// 1. Our own code (dist/index.js, every peer and runtime dependency external) within its budget.
// 2. What a host pays beyond React for a six-field form (bench/apps/kit/form.tsx: our code plus
//    react-hook-form, @hookform/resolvers, zod/mini and Radix Select) within its budget; the
//    hand-written baseline (bench/apps/baseline/form.tsx) is measured beside it for the target.
// 3. Tree-shaking: a module that imports only PieceAuth and Property from 'connection-kit' (and
//    from each subpath export that has them), bundled with nothing external, holds no React code:
//    no React, React DOM, react-hook-form or Radix module, and no 'react' or 'useState' in it,
//    and within its budget (a module-level call a bundler must keep shows here first).
// 4. connection-kit/oauth2, every export bundled with nothing external, holds no React either.
// 5. { toClientAuth, parseAuthDefinition } from connection-kit/definitions hold no React either,
//    within their budget.
//
// Own code and host payload count what loads with the entry: its chunk and every chunk it imports
// statically, each file gzipped on its own (as served). The OAuth2 flow, which the form imports
// dynamically for OAuth2 definitions only, is printed apart and is in neither figure.
//
// Budgets vs targets: the targets are issue 6's (own code <= 12 kB, host payload <= 1.05x the
// baseline). While we are above a target, the budget sits ~3% above the size measured when it
// was set, so CI catches growth; the gap to the target is printed on every run. When the code
// shrinks, lower the budget towards the target (and finally to it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  appPayload,
  DIST,
  definitionsOnly,
  namedImportsOnly,
  ownCode,
  ownCodeBySourceFile,
  ROOT,
  wholeEntryWithoutReact,
} from '../bench/sizes.mjs';

/** 1 kB = 1000 bytes, as vite prints sizes. */
export const TARGETS = {
  ownCodeGzip: 12_000,
  /** Host payload at most this times the baseline's (zod/mini), both measured here. */
  hostPayloadVsBaseline: 1.05,
};

export const BUDGETS = {
  // Set at the sizes after issue 6's size fixes (14,193 B and 63,321 B; docs/performance.md)
  // + ~3%. Both are above their targets: lower these as the code shrinks, down to the targets.
  // Own code raised from 14,600 for issue 12 (items 7-10: redaction of encoded forms and
  // fragments, error classification that never throws, timeout clamping, blank clientId):
  // 14,901 B measured + ~3%. Raised again after the merge of issue 12 items 1-4 and 11 (the
  // flow nonce, the new-tab button, requireIssuer) and issue 16's translate hook, dialog portal
  // and method-choice names: 15,678 B measured + ~3%. Issue 13's refactor is to win it back;
  // its first steps went the other way: the auth-kind table (+210 B: a row per kind keeps every
  // kind's builders), useConnectionForm split into four hooks (+280 B: object arguments and
  // return values whose property names a minifier keeps) and the FieldModel union (+79 B).
  // Raised for issue 16 item 3 (data-slot on ~45 parts, classNames, icons: +552 B own code, most
  // of it the part names themselves), the status view (+67 B) and the OAuth2 flow's state
  // machine (+169 B: the hook parses the form and subscribes to the runner), and the widget
  // bindings of issue 16 item 4 (+447 B: each type's binding in the definition's own values), and
  // the default look of issue 16 item 9 (+582 B: each method's hint in the picker, who is
  // connected, the status icon), and onConnect's verdict (issue 15: +21 B own, +24 B payload).
  // Lowered for issue 13 item 9 (-266 B own code, -258 B payload: dead production code of the
  // definition checks, the ID token's claims in the OAuth2 chunk, react-hook-form's defaults not
  // repeated): 18,076 B and 67,154 B measured + ~0.1%. Host payload lowered again when the
  // server's value schema stopped building a zod schema at module level (-318 B: 66,818 B),
  // and own code when createConnectionValueSchema left the main entry for /definitions only
  // (-573 B: 17,483 B).
  // See docs/performance.md section 9 for the measurements.
  ownCodeGzip: 17_500,
  hostPayloadGzip: 66_850,
  // { PieceAuth, Property } alone (check 3), the import of a server or a module that only
  // defines auths: 3,918 B while a module-level zod schema in connection-value-schema.ts kept
  // zod's string checks in it, 622 B since it and a spread in field-model.ts are read on use; + ~3%.
  definitionsOnlyGzip: 640,
  // { toClientAuth, parseAuthDefinition } (check 5), a host's RSC boundary or JSON reader: 7,409 B
  // with that module-level zod schema (connection-value-schema.ts is in /definitions' own file
  // since createConnectionValueSchema left the main entry), 4,301 B without; + ~3%.
  definitionHelpersGzip: 4_430,
};

const fmt = (bytes) => `${bytes.toLocaleString('en-US')} B (${(bytes / 1000).toFixed(1)} kB)`;
const pct = (over, of) => `${((over / of) * 100).toFixed(0)}%`;

function parseArgs(argv) {
  const args = { why: false, dist: DIST };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--why') args.why = true;
    else if (argv[i] === '--dist') args.dist = join(process.cwd(), argv[++i] ?? '');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Subpaths of package.json's exports that are JavaScript (e.g. '.', './definitions'). */
function jsSubpaths() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports ?? {})
    .filter(([, target]) => {
      const file = typeof target === 'string' ? target : (target.import ?? target.default);
      return typeof file === 'string' && file.endsWith('.js');
    })
    .map(([subpath]) => (subpath === '.' ? 'connection-kit' : `connection-kit/${subpath.slice(2)}`));
}

export async function checkSizes({ why = false, dist = DIST } = {}) {
  const lines = [];
  let failed = 0;
  const say = (line = '') => lines.push(line);

  if (!existsSync(join(dist, 'index.js'))) {
    say(`FAILED: ${join(dist, 'index.js')} is missing; run \`npm run build\` first.`);
    return { lines, failed: 1 };
  }

  // 1. Own code.
  const own = await ownCode(dist);
  const ownOk = own.gzip <= BUDGETS.ownCodeGzip;
  if (!ownOk) failed += 1;
  say(
    `own code, dist/index.js and the chunks it imports statically (deps + peers external), min+gzip: ${fmt(own.gzip)}   [min ${fmt(own.min)}; ${own.files} file(s), each gzipped]`,
  );
  if (own.lazy.files)
    say(
      `  plus, loaded only for an OAuth2 definition (dynamic import()), not counted above: ${fmt(own.lazy.gzip)}   [min ${fmt(own.lazy.min)}]`,
    );
  say(`  budget ${fmt(BUDGETS.ownCodeGzip)}: ${ownOk ? 'ok' : `FAILED, ${fmt(own.gzip - BUDGETS.ownCodeGzip)} over`}`);
  say(
    own.gzip <= TARGETS.ownCodeGzip
      ? `  target ${fmt(TARGETS.ownCodeGzip)}: met${BUDGETS.ownCodeGzip > TARGETS.ownCodeGzip ? ' (lower the budget to the target)' : ''}`
      : `  target ${fmt(TARGETS.ownCodeGzip)}: MISSED by ${fmt(own.gzip - TARGETS.ownCodeGzip)} (${pct(own.gzip - TARGETS.ownCodeGzip, TARGETS.ownCodeGzip)} over)`,
  );

  // 2. Host payload beyond React, beside the hand-written baseline.
  const kit = await appPayload('kit', dist);
  const baseline = await appPayload('baseline', dist);
  const limit = Math.floor(baseline.gzip * TARGETS.hostPayloadVsBaseline);
  const payloadOk = kit.gzip <= BUDGETS.hostPayloadGzip;
  if (!payloadOk) failed += 1;
  say();
  say(`host payload beyond React, six-field form (ours + react-hook-form + resolvers + zod/mini + Radix Select): ${fmt(kit.gzip)}`);
  if (kit.lazy.files)
    say(`  (not loaded by this form: ${fmt(kit.lazy.gzip)} of OAuth2 flow, imported dynamically for OAuth2 definitions only)`);
  say(`  hand-written baseline, same form and libraries: ${fmt(baseline.gzip)}; ours is ${(kit.gzip / baseline.gzip).toFixed(2)}x`);
  say(`  budget ${fmt(BUDGETS.hostPayloadGzip)}: ${payloadOk ? 'ok' : `FAILED, ${fmt(kit.gzip - BUDGETS.hostPayloadGzip)} over`}`);
  say(
    kit.gzip <= limit
      ? `  target ${TARGETS.hostPayloadVsBaseline}x baseline = ${fmt(limit)}: met`
      : `  target ${TARGETS.hostPayloadVsBaseline}x baseline = ${fmt(limit)}: MISSED by ${fmt(kit.gzip - limit)}`,
  );

  // 3. Tree-shaking: definitions only.
  say();
  for (const specifier of jsSubpaths()) {
    let result;
    try {
      result = await definitionsOnly(dist, specifier);
    } catch (error) {
      // A subpath without PieceAuth/Property (or not built) is not a definitions entry.
      if (specifier !== 'connection-kit') continue;
      throw error;
    }
    const others = result.packages.filter((name) => !result.reactPackages.includes(name));
    const alsoPulls = others.length ? ` (also pulls ${others.join(', ')}: not React, but not needed either)` : '';
    const small = result.gzip <= BUDGETS.definitionsOnlyGzip;
    if (result.ok && small) {
      say(`tree-shaking: { PieceAuth, Property } from '${specifier}' bundles to ${fmt(result.gzip)}, no React: ok${alsoPulls}`);
      continue;
    }
    if (result.ok) {
      failed += 1;
      say(
        `tree-shaking: { PieceAuth, Property } from '${specifier}': FAILED: ${fmt(result.gzip)}, over its budget of ${fmt(BUDGETS.definitionsOnlyGzip)} (a module-level call the bundler must keep?)${alsoPulls}`,
      );
      continue;
    }
    failed += 1;
    const list = result.reactPackages;
    const what = [
      list.length
        ? `pulls ${list.slice(0, 5).join(', ')}${list.length > 5 ? `, ... (${result.packages.length} packages in all)` : ''}`
        : '',
      result.mentions.length ? `output mentions ${result.mentions.map((m) => `'${m}'`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    say(`tree-shaking: { PieceAuth, Property } from '${specifier}': FAILED: ${fmt(result.gzip)}, ${what}`);
  }

  // 4. connection-kit/oauth2 (the redirect page's and the popup's functions) holds no React.
  const oauth2 = await wholeEntryWithoutReact(dist, 'connection-kit/oauth2');
  if (oauth2.ok) say(`no React: every export of 'connection-kit/oauth2' bundles to ${fmt(oauth2.gzip)}, no React: ok`);
  else {
    failed += 1;
    say(
      `no React: 'connection-kit/oauth2': FAILED: pulls ${oauth2.reactPackages.join(', ') || 'nothing'}; output mentions ${oauth2.mentions.join(', ') || 'nothing'}`,
    );
  }

  // 5. The definition helpers for the RSC boundary and JSON from a host's API hold no React.
  const helpers = await namedImportsOnly(dist, 'connection-kit/definitions', ['toClientAuth', 'parseAuthDefinition']);
  const helperExtras = helpers.packages.filter((name) => !helpers.reactPackages.includes(name));
  const helperAlso = helperExtras.length ? ` (also pulls ${helperExtras.join(', ')}: not React, but not needed either)` : '';
  const helpersSmall = helpers.gzip <= BUDGETS.definitionHelpersGzip;
  if (helpers.ok && helpersSmall)
    say(
      `tree-shaking: { toClientAuth, parseAuthDefinition } from 'connection-kit/definitions' bundles to ${fmt(helpers.gzip)}, no React: ok${helperAlso}`,
    );
  else if (helpers.ok) {
    failed += 1;
    say(
      `tree-shaking: { toClientAuth, parseAuthDefinition } from 'connection-kit/definitions': FAILED: ${fmt(helpers.gzip)}, over its budget of ${fmt(BUDGETS.definitionHelpersGzip)} (a module-level call the bundler must keep?)${helperAlso}`,
    );
  } else {
    failed += 1;
    say(
      `tree-shaking: { toClientAuth, parseAuthDefinition } from 'connection-kit/definitions': FAILED: pulls ${helpers.reactPackages.join(', ') || 'no React package'}; output mentions ${helpers.mentions.join(', ') || 'nothing'}`,
    );
  }

  if (why) {
    const all = await ownCodeBySourceFile();
    const form = await ownCodeBySourceFile({ entry: join(ROOT, 'bench/apps/kit/form.tsx') });
    const inForm = new Map(form.files.map((f) => [f.file, f.gzip]));
    say();
    say('own bytes by source file: every export (src/index.ts bundled like dist/index.js), and what');
    say('the six-field form keeps of it after tree-shaking; gzip split in proportion, an estimate:');
    say(`  ${'min'.padStart(7)} ${'gz'.padStart(6)} ${'form gz'.padStart(8)}  file`);
    for (const file of all.files) {
      say(
        `  ${String(file.min).padStart(7)} ${String(file.gzip).padStart(6)} ${String(inForm.get(file.file) ?? '-').padStart(8)}  ${file.file}`,
      );
    }
    say(`  ${String(all.min).padStart(7)} ${String(all.gzip).padStart(6)} ${String(form.gzip).padStart(8)}  total`);
  }

  return { lines, failed, own, kit, baseline };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { lines, failed } = await checkSizes(parseArgs(process.argv.slice(2)));
  console.log(lines.join('\n'));
  console.log(failed ? `\nbundle budget: ${failed} check(s) FAILED` : '\nbundle budget: ok');
  process.exitCode = failed ? 1 : 0;
}
