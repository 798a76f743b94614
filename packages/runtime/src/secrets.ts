/**
 * Secrets must not leak in any spelling: a MongoDB URI appears in logs whole, as its password, as the
 * percent-encoded password and as `user:password`. `secretForms` lists every spelling worth masking.
 */

const MIN_SECRET_LENGTH = 3; // masking 1–2 characters would blank out ordinary log text

export interface UriCredentials {
  username: string;
  password: string;
  /** `user:password` exactly as written in the URI (percent-encoded). */
  rawUserInfo: string;
}

/** Userinfo of a `scheme://user:pass@hosts/...` URI; works for multi-host MongoDB URIs that `URL` rejects. */
export function uriCredentials(uri: string): UriCredentials | undefined {
  const schemeEnd = uri.indexOf('://');
  if (schemeEnd < 0) return undefined;
  const rest = uri.slice(schemeEnd + 3);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at < 0) return undefined;
  const rawUserInfo = authority.slice(0, at);
  const colon = rawUserInfo.indexOf(':');
  const rawUser = colon < 0 ? rawUserInfo : rawUserInfo.slice(0, colon);
  const rawPassword = colon < 0 ? '' : rawUserInfo.slice(colon + 1);
  return { username: safeDecode(rawUser), password: safeDecode(rawPassword), rawUserInfo };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every spelling of a secret worth masking; for URIs also the password and user:password forms. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, secret.trim()]);
  const credentials = uriCredentials(secret);
  if (credentials) {
    const { username, password, rawUserInfo } = credentials;
    forms.add(rawUserInfo);
    if (password) {
      const rawPassword = rawUserInfo.slice(rawUserInfo.indexOf(':') + 1);
      forms.add(password);
      forms.add(rawPassword);
      forms.add(encodeURIComponent(password));
      forms.add(`${username}:${password}`);
    }
    // Query parameters can carry secrets too (e.g. a deploy hook's `key=`).
  }
  for (const value of queryValues(secret)) forms.add(value);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

const SECRET_QUERY_KEYS = /^(key|token|password|secret|sig|signature|x-amz-signature|x-amz-credential)$/i;

function queryValues(text: string): string[] {
  const query = text.indexOf('?');
  if (query < 0 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return [];
  const values: string[] = [];
  for (const pair of text.slice(query + 1).split('&')) {
    const [key = '', value = ''] = pair.split('=');
    if (SECRET_QUERY_KEYS.test(key) && value) values.push(value, safeDecode(value));
  }
  return values;
}

/** A URI safe to show: the password replaced by `****`, and secret query values too. */
export function displayUri(uri: string): string {
  let shown = uri;
  const credentials = uriCredentials(uri);
  if (credentials?.password) {
    const user = credentials.rawUserInfo.slice(0, credentials.rawUserInfo.indexOf(':'));
    shown = shown.replace(`${credentials.rawUserInfo}@`, `${user}:****@`);
  }
  return shown.replace(/([?&])(key|token|password|secret|sig|signature)=[^&#]*/gi, '$1$2=****');
}

/**
 * Collects secrets and removes them from any text. The action registers each form with the runner
 * (`core.setSecret`) too; the CLI, which has no runner to mask for it, relies on `redact` alone.
 */
export class Redactor {
  private forms: string[] = [];
  constructor(private readonly onSecret: (form: string) => void = () => {}) {}

  add(secret: string | undefined): void {
    if (!secret) return;
    for (const form of secretForms(secret)) {
      if (!this.forms.includes(form)) {
        this.forms.push(form);
        this.onSecret(form);
      }
    }
    // Longest first, so a URI is replaced whole before its password is.
    this.forms.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const form of this.forms) out = out.split(form).join('***');
    return out;
  }

  get size(): number {
    return this.forms.length;
  }
}
