import { useFormParts } from './form-parts';

/**
 * A field's label. The required asterisk comes from CSS (`.ck-label[data-required]::after`, with
 * empty alt text for assistive tech), so the label's text, and the control's accessible name,
 * stay exactly the author's display name; screen readers learn "required" from the control's
 * own `required` / `aria-required`.
 */
export function FieldLabel(props: { htmlFor: string; id?: string | undefined; label: string; required: boolean }) {
  return (
    <label {...useFormParts().part('label')} htmlFor={props.htmlFor} id={props.id} data-required={props.required || undefined}>
      {props.label}
    </label>
  );
}
