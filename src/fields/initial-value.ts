import type { Control } from 'react-hook-form';
import type { FormValues } from '../schema/form-schema';

/**
 * The value react-hook-form puts into a registered (uncontrolled) input when its ref attaches.
 * Rendered as the input's `defaultValue` too, so the server-rendered HTML already shows defaults
 * (Port 5432) before hydration; after that react-hook-form owns the DOM value as before. Read
 * from `control._defaultValues`, what `register` itself reads, set when `useForm` is created.
 * Never used for secrets: their saved value stays out of the DOM.
 */
export function initialValueOf(control: Control<FormValues>, name: string): string | undefined {
  const value = control._defaultValues[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
