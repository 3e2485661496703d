import { useId, useState } from 'react';
import type { Messages } from '../messages/messages';
import { useFormParts } from '../fields/form-parts';

/** The redirect URL a user must register with their own OAuth app, with a copy button. */
export function RedirectUrlHint({ url, messages }: { url: string; messages: Messages }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const { part } = useFormParts();
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div {...part('redirect-url', 'ck-field ck-redirect-url')}>
      <span {...part('label')} id={`${id}label`}>
        {messages.redirectUrl}
      </span>
      <div {...part('input-group', 'ck-secret')}>
        <code {...part('redirect-url-value', 'ck-input')}>{url}</code>
        <button type="button" {...part('copy-button', 'ck-button ck-reveal')} onClick={copy}>
          {messages.copy}
        </button>
      </div>
      <p {...part('field-description', 'ck-help')} id={`${id}help`}>
        {messages.redirectUrlHelp} <span role="status">{copied ? messages.copied : ''}</span>
      </p>
    </div>
  );
}
