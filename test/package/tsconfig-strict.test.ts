// @vitest-environment node
// The strict-TypeScript promise (README "Strict TypeScript") holds only while the project checks
// its examples, stories and type tests the way a strict host does: test/types/exact-optional-jsx.tsx
// compiles only when every optional option accepts `undefined`, which TypeScript checks only
// with exactOptionalPropertyTypes on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8')) as {
  compilerOptions: Record<string, unknown>;
  include: string[];
};

describe('tsconfig.json', () => {
  it('type-checks with strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess on', () => {
    expect(config.compilerOptions).toMatchObject({ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true });
  });

  it('includes the examples and the type tests', () => {
    expect(config.include).toEqual(expect.arrayContaining(['src', 'test', 'examples', 'stories']));
  });
});
