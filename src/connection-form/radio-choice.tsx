import { useId } from 'react';

/**
 * A labelled group of radio buttons: the method picker of an array of auths, and the OAuth2
 * grant picker. Native radios, so arrow keys move the choice and the group is one tab stop.
 */
export function RadioChoice<V extends string | number>(props: {
  legend: string;
  choices: readonly { value: V; label: string }[];
  selected: V;
  onSelect: (value: V) => void;
  disabled: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="ck-method-picker" disabled={props.disabled}>
      <legend className="ck-label">{props.legend}</legend>
      {props.choices.map(({ value, label }, index) => (
        <div className="ck-radio" key={value}>
          <input
            type="radio"
            id={`${name}-${index}`}
            name={name}
            checked={props.selected === value}
            onChange={() => props.onSelect(value)}
          />
          <label htmlFor={`${name}-${index}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
