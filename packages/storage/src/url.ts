import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '@shipkit/runtime';

export interface S3Location {
  kind: 's3';
  bucket: string;
  /** Key prefix without leading or trailing slash; empty for the whole bucket. */
  prefix: string;
}

export interface FileLocation {
  kind: 'file';
  /** Absolute folder path. */
  root: string;
}

export type StorageLocation = S3Location | FileLocation;

export const ACCEPTED_STORAGE_URLS = 's3://bucket/prefix, file:///absolute/path';

function refuse(shown: string, problem: string): never {
  throw new UserError(`Storage URL "${shown}" ${problem}; accepted forms: ${ACCEPTED_STORAGE_URLS}.`);
}

/** Segments of a prefix or key: no empty, `.` or `..` segments, so keys map safely onto folders too. */
export function badSegment(path: string): string | undefined {
  return path.split('/').find((segment) => segment === '' || segment === '.' || segment === '..');
}

// Loose on purpose: legacy AWS buckets and other providers allow upper case and underscores.
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;

/**
 * Parses where backups live: `s3://bucket/prefix` or `file:///absolute/path`. Credentials never
 * belong in the URL (they come from the AWS credential chain), so a URL carrying them is refused
 * without echoing it.
 */
export function parseStorageUrl(url: string): StorageLocation {
  const text = url.trim();
  if (text === '') refuse(text, 'is empty');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 's3') return parseS3Url(text);
  if (scheme === 'file') return parseFileUrl(text);
  if (text.startsWith('/')) refuse(text, `is a bare path; write it as file://${text}`);
  if (scheme === undefined) refuse(text, 'has no scheme');
  return refuse(text, `has the unsupported scheme "${scheme}:"`);
}

function parseS3Url(text: string): S3Location {
  if (!/^s3:\/\//i.test(text)) refuse(text, 'must start with s3:// followed by the bucket name');
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket.includes('@')) {
    throw new UserError(
      'Storage URL s3://…@… carries credentials, which must not be written in the URL: provide them through ' +
        `the AWS credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an assumed role); accepted forms: ${ACCEPTED_STORAGE_URLS}.`,
    );
  }
  if (/[?#]/.test(rest))
    refuse(text, 'has a query or fragment; options such as the region are separate inputs');
  if (bucket === '') refuse(text, 'has no bucket name');
  if (!BUCKET_NAME.test(bucket)) {
    refuse(
      text,
      `has an invalid bucket name "${bucket}" (3–63 letters, digits, dots, hyphens or underscores)`,
    );
  }
  const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
  if (prefix !== '' && badSegment(prefix) !== undefined) {
    refuse(text, 'has an empty, "." or ".." segment in its prefix');
  }
  return { kind: 's3', bucket, prefix };
}

function parseFileUrl(text: string): FileLocation {
  const match = /^file:\/\/(localhost)?(\/.*)?$/i.exec(text);
  if (!match || match[2] === undefined) {
    refuse(text, 'is not an absolute file URL (a relative path cannot be used; note the three slashes)');
  }
  let root: string;
  try {
    root = fileURLToPath(`file://${match[2]}`);
  } catch {
    return refuse(text, 'is not a valid file URL');
  }
  root = root.replace(/\/+$/, '');
  if (root === '') refuse(text, 'names the file system root; choose a folder for the backups');
  return { kind: 'file', root };
}

/** The URL for a location, or for one key inside it; never holds credentials. */
export function formatStorageUrl(location: StorageLocation, key?: string): string {
  if (location.kind === 's3') {
    const path = [location.prefix, key].filter((part) => part).join('/');
    return `s3://${location.bucket}${path ? `/${path}` : ''}`;
  }
  const base = pathToFileURL(location.root).href;
  return key ? `${base}/${key.split('/').map(encodeURIComponent).join('/')}` : base;
}
