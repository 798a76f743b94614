import { UserError } from '@shipkit/runtime';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { AtlasClient } from './client';
import { requireTier } from './require-tier';
import { describeCluster, type Tier } from './tier';
import type { BackupSchedule, CompliancePolicy, PolicyItem } from './types';

const policyItem = z.strictObject({
  frequencyType: z.enum(['hourly', 'daily', 'weekly', 'monthly', 'yearly']),
  frequencyInterval: z.number().int().min(1).max(40),
  retentionUnit: z.enum(['days', 'weeks', 'months', 'years']),
  retentionValue: z.number().int().min(1),
});
const onDemandItem = z.strictObject({
  frequencyType: z.literal('ondemand').default('ondemand'),
  frequencyInterval: z.number().int().min(0).max(40).default(0),
  retentionUnit: z.enum(['days', 'weeks', 'months', 'years']),
  retentionValue: z.number().int().min(1),
});

/**
 * The desired backup policy of a cluster, in Atlas's own field names (so a value copied from the API or
 * the Atlas CLI fits). Only what it states is checked; an unknown key is an error, never ignored.
 */
export const desiredPolicySchema = z.strictObject({
  /** From the cluster description. */
  cluster: z
    .strictObject({
      backupEnabled: z.boolean().optional(),
      pitEnabled: z.boolean().optional(),
    })
    .optional(),
  /** From the cluster's backup schedule. `policyItems` is compared as a whole: missing and extra items are drift. */
  schedule: z
    .strictObject({
      referenceHourOfDay: z.number().int().min(0).max(23).optional(),
      referenceMinuteOfHour: z.number().int().min(0).max(59).optional(),
      restoreWindowDays: z.number().int().min(1).optional(),
      autoExportEnabled: z.boolean().optional(),
      exportBucketId: z
        .string()
        .regex(/^[a-f0-9]{24}$/, 'an export bucket id is 24 hexadecimal digits')
        .optional(),
      policyItems: z.array(policyItem).optional(),
    })
    .optional(),
  /**
   * The project's Backup Compliance Policy, which must exist when this section is given (reading it needs
   * the Project Owner role, so leave the section out where that role is not granted).
   */
  compliancePolicy: z
    .strictObject({
      pitEnabled: z.boolean().optional(),
      restoreWindowDays: z.number().int().min(1).optional(),
      copyProtectionEnabled: z.boolean().optional(),
      encryptionAtRestEnabled: z.boolean().optional(),
      scheduledPolicyItems: z.array(policyItem).optional(),
      onDemandPolicyItem: onDemandItem.optional(),
    })
    .optional(),
});

export type DesiredPolicy = z.infer<typeof desiredPolicySchema>;

/** Reads a desired policy written in YAML or JSON; errors name the source and the key. */
export function parseDesiredPolicy(text: string, source: string): DesiredPolicy {
  let data: unknown;
  try {
    data = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    throw new UserError(`${source} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) {
    throw new UserError(
      `${source} is empty: write the policy to check (cluster, schedule and/or compliancePolicy).`,
    );
  }
  const result = desiredPolicySchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.');
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (allowed: see docs/ATLAS.md)`
          : issue.message;
      return `  ${key || '(top level)'}: ${message}`;
    });
    throw new UserError(`${source} is not a valid Atlas backup policy:\n${problems.join('\n')}`);
  }
  const policy = result.data;
  if (!policy.cluster && !policy.schedule && !policy.compliancePolicy) {
    throw new UserError(`${source} states nothing to check: give cluster, schedule and/or compliancePolicy.`);
  }
  return policy;
}

/** One difference between the desired and the actual policy. */
export interface PolicyDifference {
  /** `schedule.restoreWindowDays`, `schedule.policyItems[hourly every 6]`… */
  field: string;
  expected: string;
  actual: string;
}

export interface PolicyCheck {
  tier: Tier;
  /** Fields compared. */
  checked: number;
  differences: PolicyDifference[];
  message: string;
}

/**
 * Compares a dedicated cluster's backup settings (cluster description, backup schedule, and the project's
 * Backup Compliance Policy when the desired policy mentions it) with the desired policy.
 */
export async function checkPolicy(
  client: AtlasClient,
  target: { projectId: string; cluster: string },
  desired: DesiredPolicy,
): Promise<PolicyCheck> {
  const tier = await client.getTier(target.projectId, target.cluster);
  requireTier(tier, ['dedicated'], 'check the backup policy');
  const schedule = desired.schedule ? await client.getSchedule(target.projectId, target.cluster) : undefined;
  const compliance = desired.compliancePolicy
    ? await client.getCompliancePolicy(target.projectId)
    : undefined;
  const { checked, differences } = comparePolicy(desired, {
    cluster: { backupEnabled: tier.backupEnabled, pitEnabled: tier.pitEnabled },
    ...(schedule ? { schedule } : {}),
    compliancePolicy: compliance,
  });
  const what = describeCluster(tier);
  return {
    tier,
    checked,
    differences,
    message:
      differences.length === 0
        ? `The backup policy of ${what} matches: ${checked} setting(s) checked.`
        : `The backup policy of ${what} has drifted: ${differences.length} difference(s) in ${checked} setting(s) checked.`,
  };
}

/** The actual settings, as read from Atlas. */
export interface ActualPolicy {
  cluster: { backupEnabled: boolean; pitEnabled: boolean };
  schedule?: BackupSchedule;
  /** undefined: the project has no Backup Compliance Policy. */
  compliancePolicy: CompliancePolicy | undefined;
}

/** Every difference between what the desired policy states and the actual settings (pure). */
export function comparePolicy(
  desired: DesiredPolicy,
  actual: ActualPolicy,
): { checked: number; differences: PolicyDifference[] } {
  const differences: PolicyDifference[] = [];
  let checked = 0;
  const compare = (field: string, want: unknown, have: unknown) => {
    if (want === undefined) return;
    checked += 1;
    if (want !== have) differences.push({ field, expected: show(want), actual: show(have) });
  };
  for (const [key, want] of Object.entries(desired.cluster ?? {})) {
    compare(`cluster.${key}`, want, actual.cluster[key as keyof ActualPolicy['cluster']]);
  }
  if (desired.schedule) {
    const have = actual.schedule;
    const { policyItems, exportBucketId, ...plain } = desired.schedule;
    for (const [key, want] of Object.entries(plain)) {
      compare(`schedule.${key}`, want, have?.[key as keyof BackupSchedule]);
    }
    compare('schedule.exportBucketId', exportBucketId, have?.export?.exportBucketId);
    if (policyItems) {
      checked += 1;
      differences.push(...compareItems('schedule.policyItems', policyItems, have?.policyItems ?? []));
    }
  }
  if (desired.compliancePolicy) {
    const have = actual.compliancePolicy;
    checked += 1;
    if (!have) {
      differences.push({ field: 'compliancePolicy', expected: 'a Backup Compliance Policy', actual: 'none' });
    } else {
      const { scheduledPolicyItems, onDemandPolicyItem, ...plain } = desired.compliancePolicy;
      for (const [key, want] of Object.entries(plain)) {
        compare(`compliancePolicy.${key}`, want, have[key as keyof CompliancePolicy]);
      }
      if (scheduledPolicyItems) {
        checked += 1;
        differences.push(
          ...compareItems(
            'compliancePolicy.scheduledPolicyItems',
            scheduledPolicyItems,
            have.scheduledPolicyItems,
          ),
        );
      }
      if (onDemandPolicyItem) {
        compare(
          'compliancePolicy.onDemandPolicyItem',
          retention(onDemandPolicyItem),
          have.onDemandPolicyItem ? retention(have.onDemandPolicyItem) : 'none',
        );
      }
    }
  }
  return { checked, differences };
}

/** Policy items matched by frequency (`hourly every 6`); each one's retention compared; missing and extra ones listed. */
function compareItems(field: string, desired: PolicyItem[], actual: PolicyItem[]): PolicyDifference[] {
  const differences: PolicyDifference[] = [];
  const byFrequency = (items: PolicyItem[]) => new Map(items.map((item) => [frequency(item), item]));
  const want = byFrequency(desired);
  const have = byFrequency(actual);
  for (const [key, item] of want) {
    const found = have.get(key);
    if (!found) differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: 'missing' });
    else if (retention(found) !== retention(item))
      differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: retention(found) });
  }
  for (const [key, item] of have) {
    if (!want.has(key))
      differences.push({ field: `${field}[${key}]`, expected: 'none', actual: retention(item) });
  }
  return differences;
}

function frequency(item: PolicyItem): string {
  return `${item.frequencyType} every ${item.frequencyInterval}`;
}

function retention(item: Pick<PolicyItem, 'retentionUnit' | 'retentionValue'>): string {
  return `kept ${item.retentionValue} ${item.retentionUnit}`;
}

function show(value: unknown): string {
  return value === undefined ? 'not set' : String(value);
}
