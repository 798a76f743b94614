/**
 * The option tables of the `shipkit atlas …` commands. The rows every command shares (the project and
 * cluster, the credentials, which come from the environment only, where Atlas is, and following a job)
 * are defined once here; each command's table spreads them beside its own rows.
 */
import { ATLAS_ID, type AtlasCredentials, CLUSTER_NAME, parseZonedTime } from '@shipkit/atlas';
import { booleanRow, durationRow, type Table, UserError } from '@shipkit/runtime';
import { cliVocabulary } from '../../options';

export { CONNECTION_ROWS, CREDENTIAL_ROWS, TARGET_ROWS } from './rows';

export const WAIT = booleanRow({ description: 'Follow it until it ends.', default: 'false' });

export function pollIntervalRow<const D extends string>(fallback: D) {
  return durationRow({ description: 'With {wait}: how often to look.', default: fallback });
}

/** The deadline of every request (and, for the commands that follow a job, of the wait). */
export function atlasTimeoutRow<const D extends string>(fallback: D, andWait = false) {
  return durationRow({
    description: `Deadline for every request${andWait ? ' and for the wait' : ''}; then exit 1.`,
    default: fallback,
  });
}

/** The rows of a command that may follow the job it starts. */
export function followRows<const P extends string, const T extends string>(poll: P, timeout: T) {
  return { wait: WAIT, 'poll-interval': pollIntervalRow(poll), timeout: atlasTimeoutRow(timeout, true) };
}

type ConnectionValues = {
  'project-id': string;
  cluster: string;
  'client-id': string | undefined;
  'client-secret': string | undefined;
  'public-key': string | undefined;
  'private-key': string | undefined;
  'base-url': string;
};

/**
 * How a message names an option: by its flag and its variable, as `--help` shows them
 * (`--project (or ATLAS_PROJECT_ID)`), or by its variable alone when it is kept off the command line.
 */
export function labelIn(table: Table): (key: string) => string {
  return cliVocabulary(table).subject;
}

/** The project and cluster, checked against the forms Atlas accepts. */
export function target(
  values: Pick<ConnectionValues, 'project-id' | 'cluster'>,
  label: (key: string) => string,
): { projectId: string; cluster: string } {
  const projectId = values['project-id'];
  if (!ATLAS_ID.test(projectId)) {
    throw new UserError(
      `${label('project-id')} must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`,
    );
  }
  return { projectId, cluster: clusterName(values.cluster, 'cluster', label) };
}

export function clusterName(cluster: string, key: string, label: (key: string) => string): string {
  if (!CLUSTER_NAME.test(cluster)) {
    throw new UserError(
      `${label(key)} must be a cluster name (letters, digits and hyphens), got '${cluster}'.`,
    );
  }
  return cluster;
}

export function hexId(id: string, key: string, what: string, label: (key: string) => string): string {
  if (!ATLAS_ID.test(id))
    throw new UserError(`${label(key)} must be ${what} (24 hexadecimal digits), got '${id}'.`);
  return id;
}

/** A service account (ATLAS_CLIENT_ID + ATLAS_CLIENT_SECRET) or an API key (ATLAS_PUBLIC_KEY + ATLAS_PRIVATE_KEY). */
export function credentials(
  values: ConnectionValues,
  label: (key: string) => string,
): { credentials: AtlasCredentials; source: string } {
  const {
    'client-id': clientId,
    'client-secret': clientSecret,
    'public-key': publicKey,
    'private-key': privateKey,
  } = values;
  const pair = (a: string, b: string) => `${label(a)} and ${label(b)}`;
  if (clientId || clientSecret) {
    if (!clientId || !clientSecret) {
      throw new UserError(`A service account needs both ${pair('client-id', 'client-secret')}.`);
    }
    return {
      credentials: { kind: 'service-account', clientId, clientSecret },
      source: pair('client-id', 'client-secret'),
    };
  }
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey)
      throw new UserError(`An API key needs both ${pair('public-key', 'private-key')}.`);
    return {
      credentials: { kind: 'api-key', publicKey, privateKey },
      source: pair('public-key', 'private-key'),
    };
  }
  throw new UserError(
    `Give Atlas credentials: a service account in ${pair('client-id', 'client-secret')} (recommended), or an API key in ${pair('public-key', 'private-key')}.`,
  );
}

export function baseUrl(url: string, label: (key: string) => string): string {
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new UserError(`${label('base-url')} must be an http:// or https:// URL, got '${url}'.`);
  }
  return url;
}

/** `2026-11-25T03:00:00Z` (a time zone required: a restore must not depend on the machine's zone). */
export function pointInTime(raw: string | undefined, label: (key: string) => string): Date | undefined {
  if (raw === undefined) return undefined;
  const date = parseZonedTime(raw);
  if (!date) {
    throw new UserError(
      `${label('point-in-time')} must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`,
    );
  }
  return date;
}
