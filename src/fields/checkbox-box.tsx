import type { ReactNode } from 'react';
import { useFormParts } from './form-parts';

/**
 * A checkbox as it is by default: the native one, untouched. With the host's `icons.checkbox`,
 * it is wrapped with that icon, which the default theme shows over a box it draws itself while
 * the input is checked. The input stays the real, focusable control either way.
 */
export function CheckboxBox({ children }: { children: ReactNode }) {
  const { part, icons } = useFormParts();
  if (icons.checkbox == null) return children;
  return (
    <span {...part('checkbox-control')}>
      {children}
      <span {...part('checkbox-indicator')} aria-hidden="true">
        {icons.checkbox}
      </span>
    </span>
  );
}
