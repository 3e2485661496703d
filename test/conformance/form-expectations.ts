// What a conformant form shows for a definition, written from the definition itself (not from
// the kit's field model), so the tests check the kit against Activepieces' meaning.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export type Prop = Record<string, unknown> & { type: string; displayName?: string; required?: boolean; description?: string };
type Option = { label: string; value: unknown };

export const optionsOf = (prop: Prop): Option[] => (prop.options as { options?: Option[] } | undefined)?.options ?? [];

/** The label a prop's control must have: its display name (the key when it has none). */
export const labelOf = (key: string, prop: Prop) => (typeof prop.displayName === 'string' && prop.displayName ? prop.displayName : key);

/** The form of the method on screen (others may stay mounted, hidden). */
export function visibleForm(container: HTMLElement): HTMLElement {
  const forms = Array.from(container.querySelectorAll('form')).filter((f) => !f.hidden);
  if (forms.length !== 1) throw new Error(`expected one visible form, found ${forms.length}`);
  return forms[0]!;
}

/** The control a prop must get, found by its role and accessible name; throws if it is missing. */
export function controlFor(form: HTMLElement, key: string, prop: Prop): HTMLElement {
  const name = labelOf(key, prop);
  const scope = within(form);
  switch (prop.type) {
    case 'SHORT_TEXT': {
      const box = scope.getByRole('textbox', { name });
      expect(box.tagName).toBe('INPUT');
      return box;
    }
    case 'LONG_TEXT': {
      const box = scope.getByRole('textbox', { name });
      expect(box.tagName).toBe('TEXTAREA');
      return box;
    }
    case 'SECRET_TEXT': {
      // A password input has no ARIA role: its label is how it is found. *ByLabelText compares
      // label text through Testing Library's default normalizer (every whitespace run becomes one
      // space), not the accessible-name flattening *ByRole uses: normalize the expectation alike.
      const input = scope.getByLabelText(name.trim().replace(/\s+/g, ' '), { selector: 'input' });
      expect(input).toHaveAttribute('type', 'password');
      return input;
    }
    case 'NUMBER':
      return scope.getByRole('spinbutton', { name });
    case 'CHECKBOX':
      return scope.getByRole('checkbox', { name });
    case 'STATIC_DROPDOWN':
      return scope.getByRole('combobox', { name });
    case 'STATIC_MULTI_SELECT_DROPDOWN':
      return scope.getByRole('group', { name: new RegExp(`^${escapeRegExp(name)}`) });
    default:
      throw new Error(`no expectation for a ${prop.type} control`);
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Required props are marked on the control and its label; optional ones are not. */
export function expectRequiredMark(control: HTMLElement, prop: Prop) {
  const required = prop.required === true;
  if (prop.type === 'CHECKBOX') {
    // Unchecked is a value (false), so a checkbox is never marked required, as in Activepieces.
    expect(control).not.toBeRequired();
  } else if (prop.type === 'STATIC_MULTI_SELECT_DROPDOWN') {
    // A group cannot be aria-required: its legend says it.
    const legend = control.querySelector('legend')!;
    expect(legend.textContent?.includes('(required)')).toBe(required);
  } else {
    if (required) expect(control).toBeRequired();
    else expect(control).not.toBeRequired();
    const label = control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    expect(label?.hasAttribute('data-required')).toBe(required);
  }
}

/** The control starts with the prop's `defaultValue`, or empty. */
export function expectDefault(control: HTMLElement, prop: Prop) {
  const d = prop.defaultValue;
  switch (prop.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
    case 'SECRET_TEXT':
      return expect(control).toHaveValue(typeof d === 'string' ? d : '');
    case 'NUMBER':
      return expect(control).toHaveValue(typeof d === 'number' ? d : null);
    case 'CHECKBOX':
      return d === true ? expect(control).toBeChecked() : expect(control).not.toBeChecked();
    case 'STATIC_DROPDOWN': {
      const chosen = optionsOf(prop).find((o) => o.value === d);
      if (chosen) expect(control).toHaveTextContent(chosen.label);
      else for (const o of optionsOf(prop)) expect(control).not.toHaveTextContent(new RegExp(`^${escapeRegExp(o.label)}$`));
      return;
    }
    case 'STATIC_MULTI_SELECT_DROPDOWN': {
      const chosen = Array.isArray(d) ? d : [];
      for (const o of optionsOf(prop)) {
        const box = within(control).getByRole('checkbox', { name: o.label });
        if (chosen.includes(o.value)) expect(box).toBeChecked();
        else expect(box).not.toBeChecked();
      }
    }
  }
}

/**
 * The markdown `source` was rendered, not shown raw, inside `element`: bold as <strong>, links
 * (written and bare) as links to their URLs, numbered and bulleted lists as list items.
 */
export function expectMarkdownRendered(element: HTMLElement, source: string) {
  const text = element.textContent ?? '';
  for (const [, bold] of source.matchAll(/\*\*([^*\n]+)\*\*/g)) {
    const strong = Array.from(element.querySelectorAll('strong')).map((s) => s.textContent);
    expect(strong).toContain(bold!.replace(/`/g, ''));
  }
  expect(text).not.toMatch(/\*\*\S/);
  // Compared as URLs: the renderer may normalise `https://x.com` to `https://x.com/`.
  const href = (url: string | null) => (url ? new URL(url).href : url);
  const hrefs = within(element)
    .queryAllByRole('link')
    .map((a) => href(a.getAttribute('href')));
  for (const [, label, url] of source.matchAll(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g)) {
    expect(href(within(element).getByRole('link', { name: label! }).getAttribute('href'))).toBe(href(url!));
  }
  for (const [url] of source.replace(/\]\([^)]*\)/g, ']').matchAll(/https?:\/\/[^\s<>)\]]+/g)) {
    // A sentence's closing punctuation is not part of a bare URL, nor is emphasis around it
    // (`**https://…**`; GFM leaves trailing `*`, `_` and `~` out of an autolink).
    expect(hrefs).toContain(href(url.replace(/[.,;:!?*_~]+$/, '')));
  }
  const items = source.split('\n').filter((line) => /^\s*(\d+\.|[-*])\s+\S/.test(line) && !/^\s*-{3,}\s*$/.test(line)).length;
  if (items) expect(within(element).getAllByRole('listitem').length).toBeGreaterThanOrEqual(items);
}

/** The help text a control points at with `aria-describedby`. */
export function helpOf(control: HTMLElement): HTMLElement {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const help = ids.map((id) => control.ownerDocument.getElementById(id)).find((el) => el?.classList.contains('ck-markdown'));
  if (!help) throw new Error(`${control.id} has no help text in aria-describedby`);
  return help;
}

/** Opens the dropdown and picks its `index`-th option (after the "None" item of an optional one). */
export async function choose(user: UserEvent, combobox: HTMLElement, index: number, optional: boolean) {
  await user.click(combobox);
  // Radix renders the listbox in a portal on document.body.
  const options = await screen.findAllByRole('option');
  await user.click(options[index + (optional ? 1 : 0)]!);
  await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
}
