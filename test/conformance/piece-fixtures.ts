/// <reference types="vite/client" />
// The corpus of real pieces' auth definitions (fixtures/pieces/*.json, written by
// `npm run fixtures:pieces`), shared by the conformance tests and the stories.
import type { AuthDefinition, AuthInput } from '../../src';

/** One fixture file: a published piece's `auth`, functions dropped. */
export interface PieceFixture {
  /** The file's base name, e.g. `slack`. */
  name: string;
  package: string;
  version: string;
  /**
   * Set when the piece is not on the registry these machines reach: where its published source
   * is, from which the auth was built with the real `@activepieces/pieces-framework`.
   */
  source?: string;
  /** The export holding the piece. */
  export: string;
  /** Where the auth was found: `piece.auth`, or `actions.<name>.props.authentication` (older pieces). */
  from: string;
  /** What this piece exercises. */
  why: string;
  /** Paths of the definitions that had a `validate` function (dropped here). */
  validate: string[];
  /** Paths of every function left out of `auth`. */
  droppedFunctions: string[];
  auth: AuthInput;
}

const files = import.meta.glob<Omit<PieceFixture, 'name'>>('../../fixtures/pieces/*.json', { eager: true, import: 'default' });

/** Every fixture, by file name. */
export const pieceFixtures: PieceFixture[] = Object.entries(files)
  .map(([path, data]) => ({ ...data, name: path.replace(/^.*\/|\.json$/g, '') }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** One fixture by name, e.g. `pieceFixture('slack')`. */
export function pieceFixture(name: string): PieceFixture {
  const found = pieceFixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture fixtures/pieces/${name}.json`);
  return found;
}

/** Each method of a fixture with its path (`auth` or `auth[i]`). */
export function methodsOf(fixture: PieceFixture): { path: string; index: number; auth: AuthDefinition }[] {
  const auth = fixture.auth;
  return Array.isArray(auth)
    ? auth.map((a: AuthDefinition, index: number) => ({ path: `auth[${index}]`, index, auth: a }))
    : [{ path: 'auth', index: 0, auth: auth as AuthDefinition }];
}
