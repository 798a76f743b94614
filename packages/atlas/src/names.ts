/** Atlas's ids (projects, snapshots, export buckets, jobs): 24 hexadecimal digits. */
export const ATLAS_ID = /^[a-f0-9]{24}$/;

/** A cluster's name, as Atlas allows it. */
export const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;

/**
 * An ISO 8601 time with its zone (`2026-11-25T03:00:00Z`, `…+02:00`), or undefined: a restore must not
 * depend on the machine's time zone.
 */
export function parseZonedTime(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
