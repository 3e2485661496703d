import { useId } from 'react';
import { useFormParts } from '../fields/form-parts';

/**
 * A labelled group of radio buttons: the method picker of an array of auths, and the OAuth2
 * grant picker. Native radios, so arrow keys move the choice and the group is one tab stop.
 *
 * `nameOf` gives a radio a fuller accessible name than its visible text (the method picker's
 * "Authenticate with Bot token"): a method is often named like its only field, and a radio and a
 * text box both called "Bot token" are one name for two controls. The visible text stays in the
 * label (and in the name, WCAG 2.5.3), read through the hidden full name.
 */
export function RadioChoice<V extends string | number>(props: {
  /** Which picker this is, for `data-slot` and `classNames`. */
  slot: 'method-picker' | 'grant-picker';
  legend: string;
  /** `hint`: a line under the label, what the choice asks for (the method picker's cards). */
  choices: readonly { value: V; label: string; hint?: string | undefined }[];
  selected: V;
  onSelect: (value: V) => void;
  disabled: boolean;
  nameOf?: ((label: string) => string) | undefined;
}) {
  const name = useId();
  const { part } = useFormParts();
  return (
    <fieldset {...part(props.slot, 'ck-method-picker')} disabled={props.disabled}>
      <legend {...part('picker-legend', 'ck-label')}>{props.legend}</legend>
      {props.choices.map(({ value, label, hint }, index) => (
        <div {...part('picker-option', 'ck-radio')} key={value} data-state={props.selected === value ? 'checked' : 'unchecked'}>
          <input
            {...part('radio', '')}
            type="radio"
            id={`${name}-${index}`}
            name={name}
            checked={props.selected === value}
            aria-describedby={hint ? `${name}-${index}-hint` : undefined}
            onChange={() => props.onSelect(value)}
          />
          <label {...part('picker-label', '')} htmlFor={`${name}-${index}`}>
            {props.nameOf ? (
              <>
                <span className="ck-visually-hidden">{props.nameOf(label)}</span>
                <span aria-hidden="true">{label}</span>
              </>
            ) : (
              label
            )}
          </label>
          {hint && (
            <span {...part('picker-hint')} id={`${name}-${index}-hint`}>
              {hint}
            </span>
          )}
        </div>
      ))}
    </fieldset>
  );
}
