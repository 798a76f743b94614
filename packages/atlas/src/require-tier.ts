import { UserError } from '@shipkit/runtime';
import { UnsupportedTierError } from './errors';
import { describeCluster, TIER_OFFERS, type Tier } from './tier';

/**
 * Refuses an operation the cluster's tier does not have, saying what the tier is, what it offers
 * instead, and — for M0, which has no Cloud Backup at all — that a logical backup is the way.
 */
export function requireTier(tier: Tier, allowed: readonly Tier['kind'][], operation: string): void {
  if (allowed.includes(tier.kind)) return;
  const what = describeCluster(tier);
  const lead =
    tier.kind === 'free'
      ? `Cannot ${operation}: ${what} is an M0 (free) cluster.`
      : tier.kind === 'flex'
        ? `Cannot ${operation}: ${what} is a Flex cluster, which does not offer it.`
        : `Cannot ${operation}: ${what} is a dedicated cluster; this works on ${allowed.join(' and ')} clusters only.`;
  throw new UnsupportedTierError(`${lead} ${TIER_OFFERS[tier.kind]}`, tier, operation);
}

/** Dedicated clusters have Cloud Backup only when it is turned on. */
export function requireBackupEnabled(tier: Tier, operation: string): void {
  if (tier.backupEnabled) return;
  throw new UserError(
    `Cannot ${operation}: Cloud Backup is off for ${describeCluster(tier)}. Turn it on in Atlas (the cluster's Edit Configuration → Additional Settings → Turn on Cloud Backup), or keep to logical backups.`,
  );
}
