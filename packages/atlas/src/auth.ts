import { createHash, randomBytes } from 'node:crypto';

/** How the client proves who it is: a service account (OAuth 2.0 client credentials) or a legacy API key (HTTP Digest). */
export type AtlasCredentials =
  | { kind: 'service-account'; clientId: string; clientSecret: string }
  | { kind: 'api-key'; publicKey: string; privateKey: string };

/** Every value of the credentials that must never be shown: the edge registers them with its redactor. */
export function credentialSecrets(credentials: AtlasCredentials): string[] {
  return credentials.kind === 'service-account'
    ? [credentials.clientSecret, basicAuth(credentials.clientId, credentials.clientSecret)]
    : [credentials.privateKey];
}

export function basicAuth(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`).toString('base64');
}

/** An access token and when it stops working (by the client's clock). */
export interface AccessToken {
  value: string;
  expiresAt: number;
}

/** Renew a token this long before it expires, or at 10% of its lifetime when that is longer. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

/** Whether a cached token is still good for a request sent at `now`. */
export function tokenIsFresh(token: AccessToken | undefined, now: number, lifetimeMs: number): boolean {
  if (!token) return false;
  const margin = Math.max(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10);
  return token.expiresAt - now > margin;
}

/** A `WWW-Authenticate: Digest …` challenge, parsed. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm?: string;
  stale: boolean;
}

/** The Digest challenge in a `WWW-Authenticate` header, or undefined when there is none. */
export function parseDigestChallenge(header: string | null | undefined): DigestChallenge | undefined {
  if (!header || !/^\s*Digest\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  for (const match of header.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  if (params.realm === undefined || !params.nonce) return undefined;
  return {
    realm: params.realm,
    nonce: params.nonce,
    ...(params.qop ? { qop: params.qop } : {}),
    ...(params.opaque ? { opaque: params.opaque } : {}),
    ...(params.algorithm ? { algorithm: params.algorithm } : {}),
    stale: /^true$/i.test(params.stale ?? ''),
  };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * The `Authorization` header answering a Digest challenge (RFC 7616 with MD5 and qop=auth, which is what
 * Atlas asks for). `nc` counts the uses of the challenge's nonce.
 */
export function digestAuthorization(
  challenge: DigestChallenge,
  request: { method: string; uri: string; username: string; password: string; nc: number; cnonce?: string },
): string {
  const qop = challenge.qop
    ?.split(',')
    .map((q) => q.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  const nc = request.nc.toString(16).padStart(8, '0');
  const cnonce = request.cnonce ?? randomBytes(8).toString('hex');
  const ha1 = md5(`${request.username}:${challenge.realm}:${request.password}`);
  const ha2 = md5(`${request.method}:${request.uri}`);
  const response = qop
    ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const fields = [
    `username="${request.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${request.uri}"`,
    `response="${response}"`,
    ...(challenge.algorithm ? [`algorithm=${challenge.algorithm}`] : []),
    ...(challenge.opaque ? [`opaque="${challenge.opaque}"`] : []),
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
  ];
  return `Digest ${fields.join(', ')}`;
}
