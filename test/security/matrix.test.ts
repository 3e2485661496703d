// docs/security.md promises that every item of the security bar is proven by a test. This keeps
// the matrix honest: every item has a row, every file a row cites exists, and every test a row
// names in italics is a test title (or an it.each template of one) in the file it cites.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/security.md'), 'utf8');
const rows = doc
  .split('\n')
  // 1–23: the security bar; A: added by the matrix; R5a…R10: issue 12's items (round two); S: the server half.
  .filter((line) => /^\| (\d+|A\d+|R\d+[a-z]?|S\d+) \|/.test(line))
  .map((line) => {
    const cells = line.split(' | ');
    return { id: cells[0]!.slice(2), proof: cells.slice(2).join(' | ') };
  });

const quotes = (s: string) => s.replace(/[‘’]/g, "'");
/** Where a path a row cites lives: under test/ (e2e specs under test/e2e), or the repo root. */
const locate = (path: string) => [`test/${path}`, `test/e2e/${path}`, path].map((p) => resolve(root, p)).find((p) => existsSync(p));

/** Test titles of a file, as regexes: `%s`, `$name` and `${name}` placeholders stand for any text. */
function titlesOf(file: string): RegExp[] {
  const source = quotes(readFileSync(file, 'utf8'));
  return [...source.matchAll(/\b(?:it|test)(?:\.each\([\s\S]*?\))?(?:\.\w+)?\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((m) => {
    const pattern = m[2]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%[sidfjo#]|\\\$\\\{\w+\\\}|\\\$\w+/g, '.+');
    return new RegExp(`^${pattern}$`);
  });
}

describe('docs/security.md', () => {
  it('has a row for every item of the security bar, 1 to 23', () => {
    const ids = rows.map((r) => r.id);
    for (let item = 1; item <= 23; item++) expect(ids).toContain(String(item));
  });

  it.each(rows.map((r) => [r.id, r.proof] as const))('item %s cites files that exist, and tests by their titles', (_, proof) => {
    let cited = 0;
    // A segment without a file of its own continues the previous one's (`file` › a › *x*; b › *y*).
    let files: string[] = [];
    let paths: string[] = [];
    for (const segment of proof.split(/;\s+/)) {
      const own = [...segment.matchAll(/`([^`\s]+\.(?:test|spec)\.tsx?|[^`\s*]+\.(?:tsx?|mjs))`/g)].map((m) => m[1]!);
      if (own.length) {
        paths = own;
        files = own.map((p) => {
          const file = locate(p);
          expect(file, `${p} exists`).toBeDefined();
          return file!;
        });
        cited += files.length;
      }
      // Italics are test titles: `*a*, *b*`, never spanning code spans.
      const names = [...segment.replace(/`[^`]*`/g, '``').matchAll(/\*([^*]+)\*/g)]
        .map((m) => quotes(m[1]!).replace(/…$/, '').trim())
        .filter((n) => /\w/.test(n));
      if (!names.length) continue;
      const titles = files.filter((f) => /\.(test|spec)\.tsx?$/.test(f)).flatMap(titlesOf);
      for (const name of names) {
        // A name cut short with "…" names the start of a title.
        const matches = (t: RegExp) =>
          t.test(name) ||
          new RegExp(t.source.replace(/\$$/, '')).test(name) ||
          t.source.slice(1).startsWith(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        expect(titles.some(matches), `"${name}" is a test title in ${paths.join(', ')}`).toBe(true);
      }
    }
    expect(cited, 'files cited').toBeGreaterThan(0);
  });
});
