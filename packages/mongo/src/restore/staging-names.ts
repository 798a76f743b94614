import { randomBytes } from 'node:crypto';

/**
 * Names of the collections a staged restore keeps in a target's database, e.g. for `shop.orders`:
 *   `_shipkit_restore_3f2a1c0b_new_orders`  the restored data, until it is swapped in;
 *   `_shipkit_restore_3f2a1c0b_old_orders`  what `orders` held, from the swap until the last rename.
 * The run id is random, so they never collide with each other or with a user's collection, and the
 * fixed shape lets a later run recognise what an interrupted one (killed, power lost) left behind.
 * No dots: some servers (FerretDB) refuse to rename collections whose names hold one.
 */
const PREFIX = '_shipkit_restore_';
const PATTERN = /^_shipkit_restore_([0-9a-f]{8})_(new|old)_(.+)$/s;

/** `new`: restored data waiting to be swapped in; `old`: a target's previous data, set aside by a swap. */
export type StagingRole = 'new' | 'old';

/** A staging collection of another run, found in a target database. */
export interface Leftover {
  db: string;
  /** Its collection name. */
  name: string;
  run: string;
  role: StagingRole;
  /** The target collection it belongs to. */
  collection: string;
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export function stagingName(run: string, role: StagingRole, collection: string): string {
  return `${PREFIX}${run}_${role}_${collection}`;
}

export function parseStagingName(name: string): Omit<Leftover, 'db' | 'name'> | undefined {
  const match = PATTERN.exec(name);
  if (!match) return undefined;
  return { run: match[1] as string, role: match[2] as StagingRole, collection: match[3] as string };
}
