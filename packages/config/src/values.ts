import { targetAddress } from '@shipkit/notify';
import { parseList } from '@shipkit/runtime';

/**
 * Shape checks for single values. Each returns what is wrong in words, or undefined when the value is
 * fine. No message quotes the value or any part of it: these values are often secrets.
 */

const MONGODB_SCHEMES = ['mongodb://', 'mongodb+srv://'];
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const DATABASE_FORBIDDEN = /[/\\. "$*<>:|?\0]/;
const RESERVED_DATABASES = ['admin', 'local', 'config'];

export function mongodbUriProblem(uri: string): string | undefined {
  const scheme = MONGODB_SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme) return 'must start with mongodb:// or mongodb+srv://';
  if (/\s/.test(uri)) return 'must not contain spaces or line breaks';
  const rest = uri.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const userInfo = at < 0 ? undefined : authority.slice(0, at);
  const hostList = at < 0 ? authority : authority.slice(at + 1);

  if (userInfo !== undefined) {
    const problem = userInfoProblem(userInfo);
    if (problem) return problem;
  }
  if (hostList === '') return 'has no host after the scheme (and credentials)';
  const hosts = hostList.split(',');
  for (const [index, host] of hosts.entries()) {
    const problem = hostProblem(host);
    if (problem)
      return hosts.length > 1 ? `host ${index + 1} of ${hosts.length} ${problem}` : `host ${problem}`;
  }
  if (scheme === 'mongodb+srv://') {
    if (hosts.length !== 1) return 'uses mongodb+srv:// and so must name exactly one host';
    if (hosts[0]?.includes(':')) return 'uses mongodb+srv:// and so must not give a port';
    if (!hosts[0]?.includes('.'))
      return 'uses mongodb+srv:// and so needs a DNS name such as cluster0.example.net';
  }
  if (tail.startsWith('#')) return 'must not have a #fragment';
  if (tail !== '' && !tail.startsWith('/') && !tail.startsWith('?'))
    return 'must have a / before the database and options';
  const [path = '', query] = (tail.startsWith('/') ? tail.slice(1) : tail).split('?', 2);
  if (path !== '') {
    const database = safeDecode(path);
    if (database === undefined || DATABASE_FORBIDDEN.test(database)) {
      return 'has a database path that is not a valid database name';
    }
  }
  const options = tail.includes('?') ? (query ?? '') : undefined;
  if (options !== undefined && options !== '') {
    for (const pair of options.split('&')) {
      if (!/^[A-Za-z0-9_.-]+=[^=]*$/.test(pair)) return 'has an option that is not name=value after the ?';
    }
  }
  return undefined;
}

function userInfoProblem(userInfo: string): string | undefined {
  const colon = userInfo.indexOf(':');
  const user = colon < 0 ? userInfo : userInfo.slice(0, colon);
  const password = colon < 0 ? '' : userInfo.slice(colon + 1);
  if (user === '') return 'has credentials without a user name before the @';
  for (const part of [user, password]) {
    if (/[@:/?#[\]]/.test(part)) {
      return 'has a user name or password with @ : / ? # [ or ] that is not percent-encoded (e.g. @ as %40)';
    }
    if (/%(?![0-9A-Fa-f]{2})/.test(part)) {
      return 'has a % in the user name or password that does not start a percent-encoding (write % as %25)';
    }
  }
  return undefined;
}

function hostProblem(host: string): string | undefined {
  if (host === '') return 'is empty (check the commas between hosts)';
  let name = host;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return 'has an IPv6 address without its closing ]';
    name = host.slice(1, close);
    const after = host.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return 'has text after the IPv6 address';
    port = after === '' ? undefined : after.slice(1);
    if (!/^[0-9A-Fa-f:.]+$/.test(name)) return 'is not a valid IPv6 address';
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      name = host.slice(0, colon);
      port = host.slice(colon + 1);
    }
    if (!HOSTNAME.test(name)) return 'is not a valid host name or address';
  }
  if (port !== undefined) {
    const number = /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN;
    if (!(number >= 1 && number <= 65535)) return 'has a port that is not a number from 1 to 65535';
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function databaseNameProblem(name: string): string | undefined {
  if (Buffer.byteLength(name, 'utf8') > 63) return 'must be at most 63 bytes long';
  if (DATABASE_FORBIDDEN.test(name)) return 'must not contain / \\ . " $ * < > : | ? or spaces';
  if (RESERVED_DATABASES.includes(name))
    return "must not be one of MongoDB's own databases (admin, local, config)";
  return undefined;
}

export type BackupDestination =
  | { kind: 's3'; bucket: string; prefix: string }
  | { kind: 'file'; path: string };

/** `s3://bucket/prefix` or `file:///absolute/folder`. */
export function parseBackupDestination(value: string): BackupDestination | string {
  if (value.startsWith('s3://')) {
    const rest = value.slice('s3://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? '' : rest.slice(slash + 1);
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
      return 'has a bucket name that is not a valid S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)';
    }
    if (prefix.includes('//') || /[\s\\]/.test(prefix)) {
      return 'has a key prefix with an empty segment, a space or a backslash';
    }
    return { kind: 's3', bucket, prefix };
  }
  if (value.startsWith('file://')) {
    const path = value.slice('file://'.length);
    if (!path.startsWith('/')) return 'must name an absolute folder, as in file:///var/backups/shop';
    return { kind: 'file', path };
  }
  return 'must start with s3:// (an S3 bucket) or file:// (a local folder)';
}

export function backupDestinationProblem(value: string): string | undefined {
  const parsed = parseBackupDestination(value);
  return typeof parsed === 'string' ? parsed : undefined;
}

export function httpUrlProblem(value: string, { allowQuery = false } = {}): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (!allowQuery && url.search) return 'must not have a ?query';
  return undefined;
}

/** Notification targets: http(s) URLs, each optionally prefixed with its format (as `@shipkit/notify` reads them). */
export function notifyTargetsProblem(value: string): string | undefined {
  const entries = parseList(value);
  if (entries.length === 0) return 'lists no URL';
  for (const [index, entry] of entries.entries()) {
    const problem = httpUrlProblem(targetAddress(entry), { allowQuery: true });
    if (problem) return `entry ${index + 1} ${problem}`;
  }
  return undefined;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export function deployHookUrlProblem(value: string): string | undefined {
  const problem = httpUrlProblem(value, { allowQuery: true });
  if (problem) return problem;
  const url = new URL(value);
  if (url.protocol !== 'https:' && !LOOPBACK.includes(url.hostname)) return 'must be an https:// URL';
  if (!url.searchParams.get('key')) return "must carry the hook's key= parameter, as Render shows it";
  return undefined;
}

/** The service id in a Render deploy hook URL (`…/deploy/srv-…?key=…`), when it has one. */
export function deployHookServiceId(value: string): string | undefined {
  try {
    return /\/deploy\/(srv-[a-z0-9]+)\/?$/.exec(new URL(value).pathname)?.[1];
  } catch {
    return undefined;
  }
}

export const AWS_REGION_FORM = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export const AWS_ACCESS_KEY_ID_FORM = /^A[KS]IA[A-Z0-9]{16}$/;
export const AWS_SECRET_ACCESS_KEY_FORM = /^[A-Za-z0-9/+]{40}$/;

export function regionProblem(value: string): string | undefined {
  return /^[a-z0-9][a-z0-9-]{1,40}$/.test(value) ? undefined : 'must be a region name such as eu-west-1';
}

export function roleArnProblem(value: string): string | undefined {
  return /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(value)
    ? undefined
    : 'must be an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>';
}

export function accessKeyIdProblem(value: string): string | undefined {
  return /^[A-Za-z0-9]{16,128}$/.test(value) ? undefined : 'must be 16–128 letters and digits';
}

export function secretAccessKeyProblem(value: string): string | undefined {
  return /^\S{16,128}$/.test(value) ? undefined : 'must be 16–128 characters without spaces';
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Checks a bech32 string's checksum (age keys use bech32 without the 90-character limit). */
export function bech32Valid(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const hrp = lower.slice(0, separator);
  const data: number[] = [];
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32_CHARSET.indexOf(char);
    if (value < 0) return false;
    data.push(value);
  }
  const expanded = [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
  ];
  return polymod([...expanded, ...data]) === 1;
}

function polymod(values: number[]): number {
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let bit = 0; bit < 5; bit++) if ((top >>> bit) & 1) checksum ^= generators[bit] as number;
  }
  return checksum;
}

/** Recipients separated by commas or line breaks; blank entries are ignored. */
export function splitRecipients(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !entry.startsWith('#'));
}

const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const PLUGIN_RECIPIENT = /^age1[a-z0-9]+1[02-9ac-hj-np-z]{6,}$/;
const SSH_RECIPIENT = /^ssh-(ed25519|rsa) [A-Za-z0-9+/]+={0,2}( .*)?$/;

export function ageRecipientsProblem(value: string): string | undefined {
  const recipients = splitRecipients(value);
  if (recipients.length === 0) return 'lists no recipient';
  for (const [index, recipient] of recipients.entries()) {
    const where = recipients.length > 1 ? `entry ${index + 1} of ${recipients.length}` : 'the recipient';
    if (SSH_RECIPIENT.test(recipient)) continue;
    if (!X25519_RECIPIENT.test(recipient) && !PLUGIN_RECIPIENT.test(recipient)) {
      return `${where} is not an age public key (age1…) or an SSH public key (ssh-ed25519 …)`;
    }
    if (!bech32Valid(recipient)) return `${where} has a wrong checksum: a character was mistyped or lost`;
  }
  return undefined;
}

/** The identity lines of an age identity file: comments and blank lines dropped. */
export function splitIdentities(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function ageIdentityProblem(value: string): string | undefined {
  const identities = splitIdentities(value);
  if (identities.length === 0) return 'holds no identity';
  for (const [index, identity] of identities.entries()) {
    const where = identities.length > 1 ? `line ${index + 1} of ${identities.length}` : 'the identity';
    if (!/^AGE-(SECRET-KEY-(PQ-)?|PLUGIN-[A-Z0-9]+-)1[02-9AC-HJ-NP-Z]+$/.test(identity)) {
      return `${where} is not an age secret key (AGE-SECRET-KEY-1…)`;
    }
    if (!bech32Valid(identity)) return `${where} has a wrong checksum: a character was mistyped or lost`;
  }
  return undefined;
}

export function renderServiceIdProblem(value: string): string | undefined {
  return /^srv-[a-z0-9]{8,40}$/.test(value)
    ? undefined
    : "must be a Render service id: srv- and lower-case letters and digits, from the service's Settings";
}

export function renderApiKeyProblem(value: string): string | undefined {
  return /^rnd_[A-Za-z0-9]{16,}$/.test(value)
    ? undefined
    : 'must be a Render API key: rnd_ and letters and digits';
}

export function openAiKeyProblem(value: string): string | undefined {
  return /^sk-[A-Za-z0-9_-]{20,}$/.test(value)
    ? undefined
    : 'must be an OpenAI API key: sk- and at least 20 more characters';
}

export function atlasProjectIdProblem(value: string): string | undefined {
  return /^[a-f0-9]{24}$/.test(value)
    ? undefined
    : 'must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID)';
}

export function atlasClusterProblem(value: string): string | undefined {
  return /^[a-zA-Z0-9][a-zA-Z0-9-]*$/.test(value)
    ? undefined
    : 'must be a cluster name: letters, digits and hyphens, as Atlas shows it';
}

export function atlasClientIdProblem(value: string): string | undefined {
  return /^mdb_sa_id_[A-Za-z0-9]+$/.test(value)
    ? undefined
    : "must be a service account's client id, mdb_sa_id_… (Organization → Access Manager → Service Accounts)";
}

export function atlasClientSecretProblem(value: string): string | undefined {
  return /^mdb_sa_sk_\S+$/.test(value) ? undefined : "must be a service account's secret, mdb_sa_sk_…";
}
