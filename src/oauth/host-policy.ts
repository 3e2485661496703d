/**
 * Who may decide the host a `{placeholder}` in `authUrl`/`tokenUrl` points at. A minimal stand-in
 * for the host-placeholder rules (implemented separately): `buildTokenUrl` accepts it already and
 * ignores it until those rules land.
 *
 * @example
 * ```ts
 * const policy: HostPolicy = { allowedHosts: ['eu.auth.example.com', 'us.auth.example.com'], ownCredentials: false };
 * buildTokenUrl(auth, props, policy);
 * ```
 */
export interface HostPolicy {
  /** Hosts a placeholder may produce, or a predicate over the host. */
  allowedHosts?: readonly string[] | ((host: string) => boolean);
  /** Whether the credentials sent there are the user's own (their own OAuth app), not the host's. */
  ownCredentials?: boolean;
}
