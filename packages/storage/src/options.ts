import { booleanRow, enumRow, textRow, type Values } from '@shipkit/runtime';
import type { S3StorageOptions } from './s3-storage';

/** The options of every command and action that reads or writes S3-compatible storage. */
export const S3_ROWS = {
  's3-endpoint': textRow({
    description: 'S3-compatible endpoint URL (MinIO, R2, B2, …). Default: AWS.',
    default: '',
    env: 'S3_ENDPOINT',
    placeholder: '<url>',
  }),
  's3-region': textRow({
    description:
      'S3 region. Default: AWS_REGION (or AWS_DEFAULT_REGION) from the environment, else us-east-1.',
    default: '',
    placeholder: '<region>',
  }),
  's3-force-path-style': booleanRow({
    description:
      'Use path-style URLs (needed by MinIO-style servers). Default: true with {s3-endpoint}, false for AWS.',
    default: '',
  }),
  's3-checksum': enumRow(['when-supported', 'when-required'] as const, {
    description:
      'when-supported (the SDK default) or when-required, for stores that reject checksum headers (Cloudflare R2, Backblaze B2).',
    default: 'when-supported',
  }),
};

/** The S3 options of a parsed table; the region falls back to AWS_REGION (or AWS_DEFAULT_REGION). */
export function s3Options(
  values: Values<typeof S3_ROWS>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): S3StorageOptions {
  const endpoint = values['s3-endpoint'];
  const region = values['s3-region'] || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const mode = values['s3-checksum'] === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    forcePathStyle: values['s3-force-path-style'] ?? endpoint !== undefined,
    requestChecksumCalculation: mode,
    responseChecksumValidation: mode,
  };
}
