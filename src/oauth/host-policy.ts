// Which host a `{prop}` may choose in `authUrl` / `tokenUrl`. The authorization request carries
// `state` and the PKCE challenge, the token request the code, the verifier and the client secret:
// whoever picks the host gets them. Pure (no React, no DOM): the browser half builds the
// authorization URL with it before any popup opens, the server half the token URL before any
// token request.
import { OAuth2ConfigError } from './oauth2-error';
import { parseSafeUrl } from './safe-url';

/**
 * What the host lets a definition's free-text `{prop}` choose, when it chooses the whole host of
 * `authUrl` or `tokenUrl` (Gitea's `{baseUrl}/login/oauth/authorize`, Salesforce's
 * `https://{environment}/…`).
 *
 * @example
 * ```ts
 * // The host's app is registered on gitea.example.com only:
 * const policy: HostPolicy = { allowedHosts: ['gitea.example.com'] };
 * buildTokenUrl(giteaAuth, { baseUrl: 'https://gitea.example.com' }, policy);
 * // Users bring their own app (they typed Client ID / Secret): any https host they name.
 * buildTokenUrl(giteaAuth, { baseUrl: 'https://git.acme.dev' }, { ownCredentials: true });
 * ```
 */
export interface HostPolicy {
  /**
   * Hosts (as `URL.host`: the hostname, and the port when it is not the default) a free-text
   * value may choose while the client credentials are the host's; or a predicate given that
   * host. Without it, such a definition connects only with the user's own credentials.
   */
  allowedHosts?: (readonly string[] | ((host: string) => boolean)) | undefined;
  /**
   * The client id and secret are the user's own (typed into the form's Client ID / Secret
   * fields): it is their app and their instance, so a free-text value may name any https host.
   */
  ownCredentials?: boolean | undefined;
}

/** Where a placeholder sits in its URL template. */
type Position = 'origin' | 'host' | 'rest';

interface Slot {
  name: string;
  position: Position;
}

type PropsLike = Readonly<Record<string, unknown>> | undefined;

const PLACEHOLDER = /\{([^{}]+)\}/g;
const HAS_PLACEHOLDER = /\{[^{}]+\}/;
const HOST_PART = /^[A-Za-z0-9.-]+$/;
const LABEL = /^[A-Za-z0-9-]+$/;
/** Second-level labels that are public suffixes under a two-letter country code (`co.uk`). */
const PUBLIC_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'ltd', 'ne', 'net', 'or', 'org']);

/** The choices of a StaticDropdown prop, or undefined for any other (free-text) prop. */
function choicesOf(prop: unknown): unknown[] | undefined {
  const p = prop as { type?: unknown | undefined; options?: { options?: unknown | undefined } } | undefined;
  if (p?.type !== 'STATIC_DROPDOWN' || !Array.isArray(p.options?.options)) return undefined;
  return p.options.options.map((o: { value?: unknown | undefined } | undefined) => o?.value);
}

/** The placeholders of a URL template and where they sit; throws for one in the scheme or userinfo. */
function slotsOf(template: string, what: string): { slots: Slot[]; hostTail: string } {
  const lead = /^\{([^{}]+)\}/.exec(template);
  if (lead) {
    const after = template.slice(lead[0].length);
    if (after && !/^[/?#]/.test(after)) {
      throw new OAuth2ConfigError(`${what}: {${lead[1]}} at the start must be a whole origin, followed by "/", or be the whole URL.`);
    }
    return { slots: [{ name: lead[1]!, position: 'origin' }, ...restSlots(after)], hostTail: '' };
  }
  const scheme = template.indexOf('://');
  const authorityStart = scheme < 0 ? 0 : scheme + 3;
  if (scheme >= 0 && HAS_PLACEHOLDER.test(template.slice(0, scheme))) {
    throw new OAuth2ConfigError(`${what}: a placeholder cannot choose the scheme; write https://.`);
  }
  const end = template.slice(authorityStart).search(/[/?#]/);
  const authorityEnd = end < 0 ? template.length : authorityStart + end;
  const authority = template.slice(authorityStart, authorityEnd);
  if (authority.includes('@') && HAS_PLACEHOLDER.test(authority)) {
    throw new OAuth2ConfigError(`${what}: a placeholder cannot fill the URL's user info.`);
  }
  const host = [...authority.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, position: 'host' as const }));
  const lastBrace = authority.lastIndexOf('}');
  return { slots: [...host, ...restSlots(template.slice(authorityEnd))], hostTail: lastBrace < 0 ? '' : authority.slice(lastBrace + 1) };
}

const restSlots = (text: string): Slot[] => [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, position: 'rest' }));

/** Whether `tail` (what follows the last placeholder of a host) fixes the registrable domain. */
function fixesDomain(tail: string): boolean {
  const labels = tail.toLowerCase().split('.');
  if (labels.shift() !== '' || labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  // `{x}.co.uk` still lets the value choose the registrable domain (a heuristic, not the PSL).
  const [second, top] = labels.slice(-2) as [string, string];
  return !(labels.length === 2 && top.length === 2 && PUBLIC_SECOND_LEVEL.has(second));
}

/**
 * What is wrong with where a URL template puts its placeholders (in the scheme, the user info,
 * or at the start without being a whole origin), or undefined.
 *
 * @example
 * ```ts
 * urlTemplateProblem('http{s}://example.com/authorize'); // 'url: a placeholder cannot choose the scheme; write https://.'
 * ```
 */
export function urlTemplateProblem(template: string): string | undefined {
  try {
    slotsOf(template, 'url');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The free-text placeholders of a URL template that choose its whole host or its registrable
 * domain: those need the user's own credentials or the host's `allowedHosts`. A free value under
 * a fixed suffix (`https://{account}.snowflakecomputing.com`) and a StaticDropdown do not.
 *
 * @example
 * ```ts
 * hostChoosers('{baseUrl}/login/oauth/authorize', { baseUrl: Property.ShortText({ ... }) }); // ['baseUrl']
 * hostChoosers('https://{account}.snowflakecomputing.com/oauth/authorize', props); // []
 * ```
 */
export function hostChoosers(template: string, props: PropsLike): string[] {
  let parsed: ReturnType<typeof slotsOf>;
  try {
    parsed = slotsOf(template, 'url');
  } catch {
    return [];
  }
  const label = fixesDomain(parsed.hostTail);
  return parsed.slots
    .filter((s) => s.position !== 'rest' && !choicesOf(props?.[s.name]) && !(s.position === 'host' && label))
    .map((s) => s.name);
}

function allowed(policy: HostPolicy | undefined, host: string): boolean {
  if (policy?.ownCredentials) return true;
  const list = policy?.allowedHosts;
  if (typeof list === 'function') {
    try {
      return list(host) === true;
    } catch {
      return false;
    }
  }
  return Array.isArray(list) && list.some((h) => typeof h === 'string' && h.toLowerCase() === host);
}

/** One placeholder's text in the URL, by where it sits and what kind of prop fills it. */
function fillSlot(slot: Slot, value: string, free: boolean, label: boolean, what: string, followed: boolean): string {
  const { name, position } = slot;
  if (position === 'origin') {
    const url = parseSafeUrl(value, `${what} ({${name}})`);
    if (url.username || url.password || url.search || url.hash || /[?#]$/.test(value)) {
      throw new OAuth2ConfigError(`${what}: "${name}" must be a plain https:// address, without user, query or fragment.`);
    }
    const path = url.pathname === '/' ? '' : url.pathname;
    return url.origin + (followed ? path.replace(/\/+$/, '') : path);
  }
  if (position === 'host') {
    const ok = free && label ? LABEL.test(value) : HOST_PART.test(value);
    if (!ok) {
      const allowedChars = free && label ? 'letters, digits and "-"' : 'letters, digits, "-" and "."';
      throw new OAuth2ConfigError(`${what}: "${name}" goes into the host name, which takes only ${allowedChars}.`);
    }
    return value;
  }
  // `.` and `..` survive encoding (`%2e%2e` is a dot-segment too) and would climb the path.
  if (value === '.' || value === '..') throw new OAuth2ConfigError(`${what}: "${name}" cannot be "${value}".`);
  return encodeURIComponent(value);
}

/**
 * A definition's `authUrl` or `tokenUrl` with its `{prop}` placeholders filled, held to the host
 * rule (security note 7, docs/security.md "Placeholders that choose the host"):
 * - in the path or query, a value is URL-encoded and stays one segment or one parameter value;
 * - a StaticDropdown value must be one of its options; it may be a whole origin (`{domain}/…`,
 *   an absolute https URL without user, query or fragment) or any part of the host;
 * - a free-text value under a fixed suffix (`https://{account}.snowflakecomputing.com`) may be
 *   one host label (letters, digits, `-`);
 * - a free-text value that chooses the whole host or its registrable domain is allowed only with
 *   `policy.ownCredentials`, or for a host in `policy.allowedHosts`.
 * The result is an https URL (http only on loopback), or an OAuth2ConfigError saying what to fix.
 *
 * @example
 * ```ts
 * fillUrlTemplate('{domain}/oauth/v2/auth', biginAuth.props, { domain: 'https://accounts.zoho.eu' }, 'authUrl');
 * // URL https://accounts.zoho.eu/oauth/v2/auth
 * ```
 */
export function fillUrlTemplate(
  template: string,
  props: PropsLike,
  values: Readonly<Record<string, unknown>>,
  what: string,
  policy?: HostPolicy,
): URL {
  const { slots, hostTail } = slotsOf(template, what);
  const label = fixesDomain(hostTail);
  let chooser: string | undefined;
  let i = 0;
  const filled = template.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    const slot = slots[i++]!;
    const raw = values[name];
    if (raw === undefined || raw === null || raw === '') {
      throw new OAuth2ConfigError(`${what} needs a value for {${name}}: fill in the "${name}" field first.`);
    }
    const choices = choicesOf(props?.[name]);
    // Only where the value picks the host: in the path or the query it is encoded anyway.
    if (choices && slot.position !== 'rest' && !choices.includes(raw)) {
      throw new OAuth2ConfigError(`${what}: "${name}" must be one of its options, got ${JSON.stringify(String(raw)).slice(0, 80)}.`);
    }
    const free = !choices;
    if (free && slot.position !== 'rest' && !(slot.position === 'host' && label)) chooser ??= name;
    return fillSlot(slot, String(raw), free, label, what, /^\//.test(template.slice(offset + match.length)));
  });
  const url = parseSafeUrl(filled, what);
  if (url.username || url.password) throw new OAuth2ConfigError(`${what} must not carry a user name or password.`);
  if (label && slots.some((s) => s.position === 'host') && !url.hostname.endsWith(hostTail.toLowerCase())) {
    throw new OAuth2ConfigError(`${what}: the host must stay under "${hostTail}".`);
  }
  if (chooser && !allowed(policy, url.host)) {
    throw new OAuth2ConfigError(
      `${what}: "${chooser}" chooses the host (${url.host}) from what the user typed, and the client credentials are the host app's. ` +
        `Pass oauth2.allowedHosts: ['${url.host}'] (or a predicate) if your app is registered there, or leave oauth2.clientId out so users bring their own app.`,
    );
  }
  return url;
}

/**
 * The policy `<ConnectionForm>` applies for its `oauth2` config: the credentials are the user's
 * own when the host passed no `clientId` (the form asked for Client ID / Secret).
 *
 * @example
 * ```ts
 * hostPolicyOf({ clientId: 'my-app', allowedHosts: ['gitea.example.com'] });
 * // { ownCredentials: false, allowedHosts: ['gitea.example.com'] }
 * ```
 */
export function hostPolicyOf(config: { clientId?: string | undefined; allowedHosts?: HostPolicy['allowedHosts'] }): HostPolicy {
  return { ownCredentials: !config.clientId, allowedHosts: config.allowedHosts };
}
