import type { ConnectionFormClassNames, ConnectionFormIcons } from 'connection-kit';

/** shadcn/ui's finish on the kit's parts: a card, shadows, hover states (Tailwind utilities). */
export const shadcnClassNames = {
  root: 'rounded-xl border p-6 shadow-sm',
  input: 'shadow-xs dark:bg-input/30',
  textarea: 'shadow-xs dark:bg-input/30',
  'select-trigger': 'shadow-xs dark:bg-input/30',
  'select-content': 'border-border shadow-md',
  'select-icon': 'opacity-50',
  checkbox: 'size-4 rounded-[4px] shadow-xs',
  'submit-button': 'shadow-xs hover:bg-primary/90',
  'cancel-button': 'border-border bg-background text-foreground shadow-xs hover:bg-accent',
} satisfies ConnectionFormClassNames;

/** lucide's chevron-down and check, as shadcn's Select and Checkbox draw them (decorative). */
const lucide = (d: string, size: number) => (
  <svg
    aria-hidden="true"
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
  >
    <path d={d} />
  </svg>
);
export const shadcnIcons: ConnectionFormIcons = {
  chevron: lucide('m6 9 6 6 6-6', 16),
  check: lucide('M20 6 9 17l-5-5', 16),
  checkbox: lucide('M20 6 9 17l-5-5', 14),
};
