// Right-to-left: a host sets dir="rtl" on a container (usually <html>), and the form follows it.
// Nothing may pin the form to left-to-right: no dir="ltr" in its markup (nor in the dropdown's
// portal), no inline left/right styles, and a stylesheet in logical properties
// (CSS Logical Properties, margin-inline-start etc.), which mirror with the writing direction.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectionForm, type AuthInput } from '../../src';
import * as fixtures from '../../stories/fixtures/auth-definitions';
import { stylesheet } from './read-stylesheet';

/** Physical (left/right) declarations, which do not mirror under dir="rtl". */
const PHYSICAL =
  /\b(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|\btext-align\s*:\s*(?:left|right)\b|\bfloat\s*:\s*(?:left|right)\b|\bclear\s*:\s*(?:left|right)\b/;

/** Elements under `root` that force a direction or position themselves left/right inline. */
function directionProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const dir = el.getAttribute('dir');
    if (dir !== null && dir !== 'rtl' && dir !== 'auto') problems.push(`${tagOf(el)} has dir="${dir}"`);
    const style = el.getAttribute('style') ?? '';
    if (PHYSICAL.test(style)) problems.push(`${tagOf(el)} has style="${style}"`);
  }
  return problems;
}
/** `<button role="combobox" class="...">`, to name an element in a failure. */
const tagOf = (el: Element) =>
  `<${el.tagName.toLowerCase()}${['role', 'class'].map((a) => (el.getAttribute(a) ? ` ${a}="${el.getAttribute(a)}"` : '')).join('')}>`;

function renderRtl(auth: AuthInput, props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  const view = render(
    <div dir="rtl" lang="ar">
      <ConnectionForm auth={auth} onConnect={() => {}} {...props} />
    </div>,
  );
  return { ...view, user };
}

describe('the stylesheet', () => {
  it('uses logical properties only (inline-start/end), no left/right', () => {
    expect(stylesheet).toContain('.ck-root');
    const lines = stylesheet.split('\n');
    const physical = lines
      .map((line, i) => [i + 1, line.replace(/\/\*.*?\*\//g, '')] as const)
      .filter(([, line]) => PHYSICAL.test(line))
      .map(([n, line]) => `connection-kit.css:${n}: ${line.trim()}`);
    expect(physical).toEqual([]);
  });

  it('is checked by a pattern that does catch physical properties', () => {
    for (const css of ['padding-left: 1rem', 'border-right: 0', 'left: 0', 'a { right:0 }', 'text-align: left', 'float: right']) {
      expect(PHYSICAL.test(css), css).toBe(true);
    }
    for (const css of ['padding-inline-start: 1rem', 'text-align: start', 'border-inline-end: 0', 'inset-inline-start: 0']) {
      expect(PHYSICAL.test(css), css).toBe(false);
    }
  });
});

describe('a form inside dir="rtl"', () => {
  const definitions = Object.entries(fixtures) as [string, AuthInput][];

  it.each(definitions)('renders the %s fixture without forcing left-to-right', (_name, auth) => {
    const { container } = renderRtl(auth, { oauth2: { redirectUrl: 'https://app.example.com/cb' } });
    expect(container.querySelector('.ck-root')).not.toBeNull();
    expect(directionProblems(container)).toEqual([]);
  });

  it('opens a dropdown whose list (rendered in a portal) follows the page direction', async () => {
    const { user } = renderRtl(fixtures.awsAuth);
    await user.click(screen.getByRole('combobox', { name: 'Region' }));
    const listbox = await screen.findByRole('listbox');
    const content = listbox.closest('.ck-select-content') ?? listbox;
    expect(directionProblems(content.parentElement ?? content)).toEqual([]);
  });
});
