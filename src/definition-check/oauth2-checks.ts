import { PROTOCOL_PARAMS } from '../oauth/authorization-url';
import { placeholdersIn } from '../oauth/fill-placeholders';
import { hostChoosers, urlTemplateProblem } from '../oauth/host-policy';
import { isLoopbackHost } from '../oauth/safe-url';
import { isObject, show, type Obj, type Report } from './definition-problem';

/** The parameter names in a URL template's query (placeholders left as they are). */
function queryKeys(template: string): string[] {
  const at = template.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(template.slice(at + 1).split('#')[0]).keys()];
}

const GRANTS = ['authorization_code', 'client_credentials', 'both_client_credentials_and_authorization_code'];

/** Every `{name}` must name a prop, else Connect always fails; an optional one fails when left empty. */
function checkPlaceholders(template: string, path: string, props: Obj, report: Report) {
  for (const name of placeholdersIn(template)) {
    const prop = props[name];
    if (!Object.hasOwn(props, name) || !isObject(prop)) {
      report(path, `uses {${name}}, which names no prop`, `Add a prop "${name}", or fix the spelling.`);
    } else if (prop.required !== true) {
      report(path, `uses {${name}}, an optional prop: Connect fails while it is empty`, `Make props.${name} required.`, 'warning');
    }
  }
}

function checkUrl(auth: Obj, key: 'authUrl' | 'tokenUrl', path: string, props: Obj, report: Report) {
  const raw = auth[key];
  const at = `${path}.${key}`;
  let url: URL | undefined;
  try {
    // A placeholder at the start stands for a whole origin (Bigin's `{domain}/oauth/v2/auth`).
    url = new URL(
      String(raw)
        .replace(/^\{[^{}]+\}/, 'https://origin.invalid')
        .replace(/\{[^{}]+\}/g, 'x'),
    );
  } catch {
    // Reported below.
  }
  if (typeof raw !== 'string' || !url) return report(at, `is ${show(raw)}, not an absolute URL`, 'Write the whole https:// URL.');
  checkPlaceholders(raw, at, props, report);
  const misplaced = urlTemplateProblem(raw);
  if (misplaced)
    return report(
      at,
      misplaced.replace(/^url: /, ''),
      'Write the scheme and user info out; a placeholder may fill the host, a path segment or a query value.',
    );
  for (const name of hostChoosers(raw, props)) {
    // The values are what the user types: with the host's client credentials, the code, the
    // verifier and the client secret would go wherever they say (docs/security.md).
    report(
      at,
      `lets the free-text {${name}} choose the host: it connects only when users bring their own app, or for hosts the app allows`,
      `Make props.${name} a StaticDropdown, put it under a fixed domain (https://{${name}}.example.com), or have hosts pass oauth2.allowedHosts.`,
      'warning',
    );
  }
  // Codes and tokens must travel over TLS (RFC 6749 §3.1, §3.2); loopback is fine for development.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    report(at, `is ${url.protocol}, not https (http only on localhost)`, 'Use the https:// URL.');
  }
}

/** Checks what the OAuth2 flow reads: the URLs, their placeholders, the scope and the grant type. */
export function checkOAuth2(auth: Obj, path: string, report: Report): void {
  const props = isObject(auth.props) ? auth.props : {};
  checkUrl(auth, 'authUrl', path, props, report);
  checkUrl(auth, 'tokenUrl', path, props, report);
  const scope = auth.scope;
  if (scope !== undefined && !(Array.isArray(scope) && scope.every((s) => typeof s === 'string'))) {
    report(`${path}.scope`, `is ${show(scope)}, not an array of strings`, "Write scope: ['read', 'write'].");
  } else {
    for (const [i, s] of (scope ?? []).entries()) checkPlaceholders(s, `${path}.scope[${i}]`, props, report);
  }
  // The kit drops these (they would change the protocol: JAR, response_mode, credentials…).
  const extra = isObject(auth.extra) ? Object.keys(auth.extra) : [];
  const fromQuery = typeof auth.authUrl === 'string' ? queryKeys(auth.authUrl) : [];
  for (const [where, keys] of [
    ['extra', extra],
    ['authUrl', fromQuery],
  ] as const) {
    for (const key of keys.filter((k) => PROTOCOL_PARAMS.has(k.toLowerCase()))) {
      report(
        `${path}.${where}`,
        `sets ${key}, a protocol parameter the kit sets or refuses: it is ignored`,
        `Remove ${key}; the kit sends response_type=code, its own client_id, redirect_uri, state and PKCE.`,
        'warning',
      );
    }
  }
  if (auth.grantType !== undefined && !GRANTS.includes(auth.grantType as string)) {
    report(`${path}.grantType`, `is ${show(auth.grantType)}`, `Use one of ${GRANTS.join(', ')}.`);
  }
}
