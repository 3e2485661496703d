// @vitest-environment node
// The README's "How the code is laid out" promises that each room of src/ imports only the rooms
// above it, and that the first five import no React. This walks every import and holds it to that.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob<string>('../../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** The rooms in README order; a room may import its own files and any room before it. */
const ROOMS = [
  ['definitions'],
  ['messages'],
  ['schema'],
  ['oauth'],
  ['definition-check'],
  ['markdown'],
  ['fields'],
  ['connection-form'],
  ['server', 'testing', 'cli'],
];
const REACT_FREE = new Set(ROOMS.slice(0, 5).flat());
const rankOf = (room: string) => ROOMS.findIndex((rooms) => rooms.includes(room));

/** The room of a path under src/ ('../../src/schema/x.ts' → 'schema'); undefined for an entry file. */
function roomOf(path: string): string | undefined {
  const parts = path.replace('../../src/', '').split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** Each file's static and dynamic import specifiers, comments left out. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

function join(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const edges = Object.entries(SOURCES).flatMap(([file, source]) =>
  importsOf(source).map((spec) => ({ file, spec, to: spec.startsWith('.') ? roomOf(join(file, spec)) : undefined })),
);

describe('the rooms of src/', () => {
  it('knows every folder under src/', () => {
    const folders = new Set(Object.keys(SOURCES).map(roomOf).filter(Boolean));
    expect([...folders].filter((room) => rankOf(room as string) < 0)).toEqual([]);
  });

  it('imports only its own room or the rooms above it', () => {
    const upward = edges.filter(({ file, to }) => {
      const from = roomOf(file);
      return from && to && from !== to && rankOf(to) > rankOf(from);
    });
    expect(upward.map(({ file, spec }) => `${file} imports ${spec}`)).toEqual([]);
    // The walk sees the imports it checks: the form imports the schema, downward.
    expect(edges.some(({ file, to }) => roomOf(file) === 'connection-form' && to === 'schema')).toBe(true);
  });

  it('keeps React and the UI packages out of definitions, messages, schema, oauth and definition-check', () => {
    const ui = /^(react|react-dom|react-hook-form|@radix-ui|@hookform)(\/|$)/;
    const found = edges.filter(({ file, spec }) => REACT_FREE.has(roomOf(file) ?? '') && ui.test(spec));
    expect(found.map(({ file, spec }) => `${file} imports ${spec}`)).toEqual([]);
    expect(edges.some(({ file, spec }) => roomOf(file) === 'fields' && spec === 'react')).toBe(true);
  });
});
