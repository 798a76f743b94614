import { z } from 'zod';

/** Schemas the manifest and the records next to it share. */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');

export const backupIdSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]{6}$/, 'expected a backup id such as 2026-11-25T030000Z-1a2b3c');
