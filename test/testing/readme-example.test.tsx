// The README's "Testing with Testing Library" example is examples/testing-with-testing-library.test.tsx,
// shown verbatim. It runs in the vitest project `host`, set up as a host's own project would be
// (vitest's defaults: globals off, so no automatic cleanup; no setup file, no jest-dom), with
// `connection-kit/testing` resolved to src/testing by the vite alias.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('the README testing example', () => {
  it('shows examples/testing-with-testing-library.test.tsx verbatim', () => {
    const readme = readFileSync(resolve('README.md'), 'utf8');
    const name = 'examples/testing-with-testing-library.test.tsx';
    const source = readFileSync(resolve(name), 'utf8').trimEnd();
    expect(readme).toContain(`<!-- example: ${name} -->\n\`\`\`tsx\n${source}\n\`\`\``);
  });
});
