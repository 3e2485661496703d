import { useId, useState } from 'react';
import type { Messages } from '../messages/messages';

/** The "both" grant type picker: authorization code (popup) or client credentials (no popup). */
export function GrantPicker(props: {
  grant: 'authorization_code' | 'client_credentials';
  onChange: (grant: 'authorization_code' | 'client_credentials') => void;
  messages: Messages;
}) {
  const name = useId();
  const choices = [
    ['authorization_code', props.messages.authorizationCode],
    ['client_credentials', props.messages.clientCredentials],
  ] as const;
  return (
    <fieldset className="ck-method-picker">
      <legend className="ck-label">{props.messages.grantType}</legend>
      {choices.map(([value, label]) => (
        <div className="ck-radio" key={value}>
          <input
            type="radio"
            id={`${name}-${value}`}
            name={name}
            checked={props.grant === value}
            onChange={() => props.onChange(value)}
          />
          <label htmlFor={`${name}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The redirect URL a user must register with their own OAuth app, with a copy button. */
export function RedirectUrlHint({ url, messages }: { url: string; messages: Messages }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="ck-field ck-redirect-url">
      <span className="ck-label" id={`${id}label`}>
        {messages.redirectUrl}
      </span>
      <div className="ck-secret">
        <code className="ck-input">
          {url}
        </code>
        <button type="button" className="ck-button ck-reveal" onClick={copy}>
          {messages.copy}
        </button>
      </div>
      <p className="ck-help" id={`${id}help`}>
        {messages.redirectUrlHelp} <span role="status">{copied ? messages.copied : ''}</span>
      </p>
    </div>
  );
}
