import { errorMessage, OptionError, ref, say, UserError } from '@shipkit/runtime';
import { DestinationWriteError, type RefusedWrite } from './errors';

/** What an SDK error carries that matters here: the S3 error code (as `name`), HTTP status, socket code. */
export interface S3ErrorFacts {
  code: string;
  status: number | undefined;
  message: string;
  attempts: number | undefined;
}

export function s3ErrorFacts(error: unknown): S3ErrorFacts {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    Code?: unknown;
    code?: unknown;
    errors?: unknown;
    $metadata?: { httpStatusCode?: number; attempts?: number };
  };
  // A connection attempt over several addresses fails with an AggregateError whose parts hold the code.
  const nested = Array.isArray(record.errors)
    ? (record.errors[0] as { code?: unknown } | undefined)
    : undefined;
  const socketCode = typeof record.code === 'string' ? record.code : nested?.code;
  const message = errorMessage(error);
  const code =
    typeof record.Code === 'string'
      ? record.Code
      : typeof socketCode === 'string' && /^E[A-Z_]+$/.test(socketCode)
        ? socketCode
        : // Errors from another realm reach us only as text ("AWS SDK error wrapper for Error: connect ECONNREFUSED …").
          (SOCKET_CODE_IN_TEXT.exec(message)?.[1] ??
          (typeof record.name === 'string' ? record.name : 'Error'));
  return { code, status: record.$metadata?.httpStatusCode, message, attempts: record.$metadata?.attempts };
}

const SOCKET_CODE_IN_TEXT =
  /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)\b/;

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'TimeoutError',
]);

const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'XAdminUserNotFound', // versitygw: no user with this access key id
]);

/** No such object (HEAD answers a bare 404); a missing bucket or an unknown access key is something else. */
export function isNotFound(facts: S3ErrorFacts): boolean {
  if (facts.code === 'NoSuchBucket' || facts.code === 'NoSuchUpload' || CREDENTIAL_CODES.has(facts.code))
    return false;
  return facts.status === 404 || facts.code === 'NotFound' || facts.code === 'NoSuchKey';
}

export function isPreconditionFailed(facts: S3ErrorFacts): boolean {
  // 409 ConditionalRequestConflict: a concurrent conditional write to the same key won the race.
  return (
    facts.status === 412 ||
    facts.code === 'PreconditionFailed' ||
    facts.code === 'ConditionalRequestConflict' ||
    (facts.status === 409 && /conditional/i.test(facts.code))
  );
}

export function isNotImplemented(facts: S3ErrorFacts): boolean {
  return facts.status === 501 || facts.code === 'NotImplemented';
}

export function isAccessDenied(facts: S3ErrorFacts): boolean {
  return facts.code === 'AccessDenied' || (facts.status === 403 && !CREDENTIAL_CODES.has(facts.code));
}

export function mentionsObjectLock(facts: S3ErrorFacts): boolean {
  return /object ?lock|retention|legal ?hold|worm/i.test(facts.message);
}

export interface S3Context {
  /** What was being done, e.g. "upload of s3://bucket/prefix/key". */
  action: string;
  bucket: string;
  /** "the S3 endpoint http://…" or "AWS S3 (region eu-west-1)": already free of credentials. */
  endpoint: string;
  /** Set for writes: the destination's URL and the key written, for a refusal in plain words. */
  write?: { destination: string; key: string };
}

/** Codes with which S3-compatible stores say they are out of room (MinIO, Ceph, Wasabi, B2…). */
const FULL_CODES = new Set(['QuotaExceeded', 'XMinioStorageFull', 'StorageFull', 'InsufficientStorage']);

/** A write the store refused for good: full, too large, or not allowed. */
function refusedWrite(facts: S3ErrorFacts): RefusedWrite | undefined {
  if (FULL_CODES.has(facts.code) || facts.status === 507) return 'full';
  if (facts.code === 'EntityTooLarge') return 'too-large';
  if (isAccessDenied(facts)) return 'not-writable';
  return undefined;
}

/**
 * Turns what a user can fix (missing bucket, bad credentials, unreachable endpoint, wrong region)
 * into a `UserError` saying what to change; anything else keeps its cause under a message with context.
 */
export function explainS3Error(error: unknown, context: S3Context): Error {
  if (error instanceof UserError) return error;
  const facts = s3ErrorFacts(error);
  const where = `${context.action} at ${context.endpoint}`;
  if (facts.code === 'NoSuchBucket') {
    return new UserError(
      `Bucket "${context.bucket}" does not exist (${where}). Check the bucket name in the storage URL ` +
        '(s3://bucket/prefix), the endpoint and the region, or create the bucket.',
    );
  }
  if (CREDENTIAL_CODES.has(facts.code)) {
    return new UserError(
      `The S3 credentials were rejected (${facts.code}) during ${where}. Check AWS_ACCESS_KEY_ID and ` +
        'AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or the role assumed through OIDC.',
    );
  }
  if (facts.code === 'CredentialsProviderError' || /could not load credentials/i.test(facts.message)) {
    return new UserError(
      `No AWS credentials were found for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ` +
        'or assume a role first (in a workflow, e.g. aws-actions/configure-aws-credentials with OIDC).',
    );
  }
  const refused = context.write ? refusedWrite(facts) : undefined;
  if (context.write && refused) {
    const status = facts.status ? `, HTTP ${facts.status}` : '';
    return new DestinationWriteError(
      refused,
      context.write.destination,
      context.write.key,
      `${facts.code}${status} from ${context.endpoint}`,
    );
  }
  if (isAccessDenied(facts)) {
    return new UserError(
      `Access denied during ${where} (${facts.code}${facts.status ? `, HTTP ${facts.status}` : ''}). The credentials ` +
        `are wrong, or lack permission on bucket "${context.bucket}", or the bucket policy refuses them.`,
    );
  }
  if (
    facts.code === 'PermanentRedirect' ||
    facts.code === 'AuthorizationHeaderMalformed' ||
    facts.status === 301
  ) {
    return OptionError.saying(
      say`Bucket "${context.bucket}" is in another region than the one configured (${where}); set ${ref('s3-region')} (or AWS_REGION) to the bucket region.`,
    );
  }
  if (/region is missing/i.test(facts.message)) {
    return OptionError.saying(say`No AWS region is set for ${where}: set ${ref('s3-region')} or AWS_REGION.`);
  }
  if (UNREACHABLE_CODES.has(facts.code)) {
    const attempts = facts.attempts
      ? ` after ${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`
      : '';
    return new UserError(
      `Cannot reach ${context.endpoint} (${facts.code})${attempts} during ${context.action}. Check the endpoint ` +
        '(an http(s) URL such as https://s3.eu-west-1.amazonaws.com) and that the server is reachable from here.',
    );
  }
  const status = facts.status ? `, HTTP ${facts.status}` : '';
  return new Error(
    `${context.action} failed at ${context.endpoint} (${facts.code}${status}): ${facts.message}`,
    {
      cause: error,
    },
  );
}
