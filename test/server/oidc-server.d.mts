export declare const REDIRECT_URI: string;
export declare const CLIENTS: {
  basic: { client_id: string; client_secret: string; token_endpoint_auth_method: 'client_secret_basic' };
  post: { client_id: string; client_secret: string; token_endpoint_auth_method: 'client_secret_post' };
};
export interface OidcServer {
  issuer: string;
  tokenUrl: string;
  userinfoUrl: string;
  tokenRequests: { body: URLSearchParams; authorization: string | undefined; accept: string | undefined }[];
  mintCode(params: { clientId: string; codeChallenge?: string; scope?: string; redirectUri?: string }): Promise<string>;
  revoke(token: string, client: keyof typeof CLIENTS): Promise<void>;
  close(): Promise<void>;
}
export declare function startOidcServer(options?: { accessTokenTtl?: number }): Promise<OidcServer>;
