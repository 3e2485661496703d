import { useId } from 'react';
import type { AuthDefinition } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';
import { DEFAULT_CONNECTION_DISPLAY_NAME } from '../definitions/property-type';

/** A label per method: its display name, plus its type where two methods share a name. */
export function methodLabels(methods: readonly (AuthDefinition | undefined)[], messages: Messages): string[] {
  // Activepieces names every method "Connection" by default, which tells the user nothing here.
  const names = methods.map((m) =>
    typeof m?.displayName === 'string' && m.displayName && m.displayName !== DEFAULT_CONNECTION_DISPLAY_NAME
      ? m.displayName
      : messages.authTypeNames[m?.type ?? 'NO_AUTH'],
  );
  return names.map((name, i) => {
    const type = messages.authTypeNames[methods[i]?.type ?? 'NO_AUTH'];
    return names.indexOf(name) !== names.lastIndexOf(name) && name !== type ? `${name} (${type})` : name;
  });
}

/** Radio buttons to choose among alternative auth methods (real pieces offer OAuth2 or a token). */
export function MethodPicker(props: {
  labels: string[];
  selected: number;
  onSelect: (index: number) => void;
  messages: Messages;
  disabled: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="ck-method-picker" disabled={props.disabled}>
      <legend className="ck-label">{props.messages.authMethod}</legend>
      {props.labels.map((label, index) => (
        <div className="ck-radio" key={index}>
          <input
            type="radio"
            id={`${name}-${index}`}
            name={name}
            checked={props.selected === index}
            onChange={() => props.onSelect(index)}
          />
          <label htmlFor={`${name}-${index}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
