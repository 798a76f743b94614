import { UserError } from '@shipkit/runtime';

const MiB = 1024 * 1024;
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_SIZE = 5 * 1024 * MiB;
export const MAX_PARTS = 10_000;
/**
 * The smallest whole-MiB part size with which 10,000 parts hold 1 TiB. The length of a backup stream
 * is unknown when its upload starts, and some stores (R2) need every part but the last to have the
 * same size, so the size is fixed up front; memory is about (partsInFlight + 1) × partSize.
 * Callers that can estimate the size should pass `partSizeFor(estimate)` instead.
 */
export const DEFAULT_PART_SIZE = 105 * MiB;
export const DEFAULT_PARTS_IN_FLIGHT = 1;

/** A part size for objects up to `maxBytes` (with room to spare), never below the S3 minimum. */
export function partSizeFor(maxBytes: number): number {
  const needed = Math.ceil(maxBytes / MAX_PARTS / MiB) * MiB;
  return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, needed));
}

/** The part size to use, refusing one S3 would reject. */
export function checkPartSize(partSize: number | undefined): number {
  const size = partSize ?? DEFAULT_PART_SIZE;
  if (!Number.isInteger(size) || size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
    throw new UserError(
      `S3 part size ${partSize} is out of range: use a whole number of bytes from 5 MiB to 5 GiB.`,
    );
  }
  return size;
}

/** A KMS key only makes sense with KMS server-side encryption. */
export function checkKmsKey(serverSideEncryption: string | undefined, kmsKeyId: string | undefined): void {
  if (kmsKeyId && !serverSideEncryption?.startsWith('aws:kms')) {
    throw new UserError(
      `A KMS key id was given with server-side encryption "${serverSideEncryption ?? 'none'}"; ` +
        'a KMS key needs server-side encryption aws:kms (accepted: AES256, aws:kms).',
    );
  }
}
