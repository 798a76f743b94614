import { type Inputs, UserError } from '@shipkit/action-kit';
import { connectTimeoutFromInputs, s3OptionsFromInputs } from '@shipkit/backup';
import { pairRenames } from '@shipkit/mongo';
import type { LocateRequest } from './source';

// What a run is asked to do, parsed and checked from the inputs alone: the action reads its inputs
// with these before it loads the engine, so a wrong input fails fast.

export const MODES = ['integrity', 'full', 'restore'] as const;
export type RunMode = (typeof MODES)[number];

/** Reads the inputs shared by the action and the CLI (location and mode are read by each caller). */
export function commonOptionsFromInputs(inputs: Inputs, env: NodeJS.ProcessEnv) {
  return {
    identityInput: 'decrypt-identity',
    renames: pairRenames(inputs.list('ns-from'), inputs.list('ns-to')),
    include: inputs.list('include'),
    exclude: inputs.list('exclude'),
    drop: inputs.boolean('drop', false),
    parallelism: inputs.integer('parallelism', 4, { min: 1, max: 64 }),
    timeoutMs: inputs.duration('timeout', 6 * 3_600_000),
    ...connectTimeoutFromInputs(inputs),
    storage: s3OptionsFromInputs(inputs, env),
  };
}

/** The prefix a backup named by `latest`, `latest-verified` or an id is looked up under; a URL needs none. */
export function prefixOf(request: LocateRequest): string {
  if (request.source) return request.source;
  throw new UserError(
    `Backup '${request.backup.trim()}' needs the prefix it is stored under ('source', e.g. s3://bucket/backups), ` +
      'or give the backup as a URL.',
  );
}

/** The request, refused now when it names a backup by `latest` or id without the prefix to find it in. */
export function checkLocation(request: LocateRequest): LocateRequest {
  if (!request.backup.includes('://')) prefixOf(request);
  return request;
}
