import { useId, useState } from 'react';
import type { Messages } from '../messages/messages';

/** The redirect URL a user must register with their own OAuth app, with a copy button. */
export function RedirectUrlHint({ url, messages }: { url: string; messages: Messages }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="ck-field ck-redirect-url">
      <span className="ck-label" id={`${id}label`}>
        {messages.redirectUrl}
      </span>
      <div className="ck-secret">
        <code className="ck-input">{url}</code>
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
