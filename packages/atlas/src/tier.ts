/**
 * What a cluster's tier offers in Cloud Backup. M0 (free) has none; Flex takes a snapshot a day and keeps
 * the last 8, which can be listed, downloaded and restored, but nothing on demand; dedicated tiers (M10
 * and up) have scheduled and on-demand snapshots, export to a bucket, restore jobs, and point-in-time
 * restores when continuous backup is on.
 */
export type TierKind = 'free' | 'flex' | 'dedicated';

export interface Tier {
  kind: TierKind;
  /** M0, M10, M30…; FLEX for a Flex cluster. */
  instanceSize: string;
  projectId: string;
  cluster: string;
  /** Cloud Backup is on: always for Flex, never for M0, a cluster setting for dedicated tiers. */
  backupEnabled: boolean;
  /** Continuous backup (point-in-time restores) is on. */
  pitEnabled: boolean;
  /** `mongodb+srv://…` (or `mongodb://…`) without credentials, when Atlas gave one. */
  connectionString?: string;
  mongoDBVersion?: string;
}

/** The parts of a cluster description (`GET /groups/{g}/clusters/{c}`, 2024-08-05) the tier is read from. */
export interface ClusterDescription {
  name?: string;
  backupEnabled?: boolean;
  pitEnabled?: boolean;
  mongoDBVersion?: string;
  connectionStrings?: { standardSrv?: string; standard?: string };
  replicationSpecs?: {
    regionConfigs?: { providerName?: string; electableSpecs?: { instanceSize?: string } }[];
  }[];
}

/** Shared-tier sizes that Atlas now runs (or has migrated) as Flex clusters. */
const FLEX_SIZES = new Set(['M2', 'M5', 'FLEX']);

/** The tier of a cluster from its description; `providerName: TENANT` marks the shared tiers. */
export function tierOf(projectId: string, cluster: string, description: ClusterDescription): Tier {
  const regions = (description.replicationSpecs ?? []).flatMap((spec) => spec.regionConfigs ?? []);
  const sized = regions.find((region) => region.electableSpecs?.instanceSize);
  const instanceSize = (sized?.electableSpecs?.instanceSize ?? 'unknown').toUpperCase();
  const tenant = regions.some((region) => region.providerName === 'TENANT' || region.providerName === 'FLEX');
  const kind: TierKind =
    instanceSize === 'M0'
      ? 'free'
      : FLEX_SIZES.has(instanceSize) || (tenant && instanceSize !== 'M0')
        ? 'flex'
        : 'dedicated';
  const connectionString =
    description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
  return {
    kind,
    instanceSize: kind === 'flex' ? 'FLEX' : instanceSize,
    projectId,
    cluster,
    backupEnabled: kind === 'flex' ? true : kind === 'free' ? false : description.backupEnabled === true,
    pitEnabled: kind === 'dedicated' && description.pitEnabled === true,
    ...(connectionString ? { connectionString } : {}),
    ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
  };
}

/** A Flex cluster described by the Flex API (`GET /groups/{g}/flexClusters/{name}`, 2024-11-13). */
export function flexTier(
  projectId: string,
  cluster: string,
  description: { mongoDBVersion?: string; connectionStrings?: { standardSrv?: string; standard?: string } },
): Tier {
  const connectionString =
    description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
  return {
    kind: 'flex',
    instanceSize: 'FLEX',
    projectId,
    cluster,
    backupEnabled: true,
    pitEnabled: false,
    ...(connectionString ? { connectionString } : {}),
    ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
  };
}

/** One line per tier: what Cloud Backup gives it, for messages and the docs. */
export const TIER_OFFERS: Record<TierKind, string> = {
  free:
    'M0 has no Cloud Backup at all: no snapshots, no export, no restore jobs. ' +
    'A logical backup is the way to protect one: `shipkit backup` or the mongo-backup action (verified, encrypted, portable).',
  flex:
    'Flex clusters get one snapshot a day, kept for the last 8 days, which can be listed, downloaded and restored; ' +
    'they have no on-demand snapshots, no export to a bucket and no point-in-time restore. ' +
    'For a backup taken right now (before a deploy), use a logical backup: `shipkit backup` or the mongo-backup action.',
  dedicated:
    'Dedicated clusters (M10 and up) have scheduled and on-demand snapshots, export to a bucket, restore jobs, ' +
    'and point-in-time restores when continuous backup is on.',
};

/** "cluster 'shop' (M10) in project 65a1…", the way errors and logs name a cluster. */
export function describeCluster(
  tier: Pick<Tier, 'cluster' | 'projectId'> & { instanceSize?: string },
): string {
  const size = tier.instanceSize && tier.instanceSize !== 'unknown' ? ` (${tier.instanceSize})` : '';
  return `cluster '${tier.cluster}'${size} in project ${tier.projectId}`;
}
