import type { Command } from '../command';

/** A subcommand as `--help` lists it; its module (and what it imports) loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every subcommand, in the order `--help` lists them. A name of two words (`backup plan`) is a
 * subcommand of the first: `shipkit backup plan …` runs it, `shipkit backup …` runs `backup`.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'backup',
    summary: 'back up MongoDB to s3:// or file:// with a manifest, then apply retention',
    load: async () => (await import('./backup')).backup,
  },
  {
    name: 'backup plan',
    summary: 'split a backup into parts: read the catalogue once, balance the parts, write plan.json',
    load: async () => (await import('./backup-parts')).backupPlan,
  },
  {
    name: 'backup part',
    summary: 'write one part of a planned backup as a self-contained archive and its record',
    load: async () => (await import('./backup-parts')).backupPart,
  },
  {
    name: 'backup finalize',
    summary: 'check every part of a planned backup and write its manifest last',
    load: async () => (await import('./backup-parts')).backupFinalize,
  },
  {
    name: 'list',
    summary:
      'list the backups at a destination, newest first: verified, complete, DAMAGED (with why) or INCOMPLETE',
    load: async () => (await import('./catalog')).list,
  },
  {
    name: 'inspect',
    summary:
      "show a backup's state, its verification records and its manifest: source, archive checksum, every namespace",
    load: async () => (await import('./catalog')).inspect,
  },
  {
    name: 'prune',
    summary:
      'apply keep rules to the backups at a destination; never deletes the newest complete or verified backup, nor a damaged one unless asked',
    load: async () => (await import('./catalog')).prune,
  },
  {
    name: 'ack-anomaly',
    summary:
      "acknowledge a backup's anomaly (an intended mass deletion), so retention stops keeping the backup from before it",
    load: async () => (await import('./catalog')).ackAnomaly,
  },
  {
    name: 'verify',
    summary:
      'prove a backup is complete: integrity (no database) or full (restore into a scratch server and compare)',
    load: async () => (await import('./verify')).verify,
  },
  {
    name: 'restore',
    summary: 'restore a backup (or a mongodump archive) into MongoDB, then check the restored data',
    load: async () => (await import('./restore')).restore,
  },
  {
    name: 'drill',
    summary:
      'restore the newest and an older backup into a drill server, and check recovery time and backup age against targets',
    load: async () => (await import('./drill')).drill,
  },
  {
    name: 'check-freshness',
    summary: 'fail when the newest complete (or verified) backup is older than allowed',
    load: async () => (await import('./check-freshness')).checkFreshnessCommand,
  },
  {
    name: 'deploy',
    summary: 'deploy a Render service and, with --wait, follow it until it is live',
    load: async () => (await import('./deploy')).deploy,
  },
  {
    name: 'policy',
    summary: 'check a source → target branch pair against the branch policy, or explain the policy',
    load: async () => (await import('./policy')).policy,
  },
  {
    name: 'env-check',
    summary: "check an instance's settings (.env file or environment) against the schema, printing no value",
    load: async () => (await import('./env-check')).envCheckCommand,
  },
  {
    name: 'atlas snapshot',
    summary:
      'take an on-demand snapshot of an M10+ cluster and, with --wait, follow it until it is completed',
    load: async () => (await import('./atlas')).snapshot,
  },
  {
    name: 'atlas snapshots',
    summary: "list a cluster's Cloud Backup snapshots, newest first",
    load: async () => (await import('./atlas')).snapshots,
  },
  {
    name: 'atlas export',
    summary: 'export a completed snapshot to an export bucket (one .json.gz per collection)',
    load: async () => (await import('./atlas')).exportCommand,
  },
  {
    name: 'atlas restore',
    summary:
      'restore a snapshot or a point in time into a cluster, whose data it replaces; prints the plan, needs --confirm',
    load: async () => (await import('./atlas')).restore,
  },
  {
    name: 'atlas policy',
    summary:
      "compare a cluster's backup schedule and compliance policy with a desired policy; exit 1 on drift",
    load: async () => (await import('./atlas')).policy,
  },
  {
    name: 'atlas check-freshness',
    summary: 'fail when the newest completed Atlas snapshot is older than allowed',
    load: async () => (await import('./atlas')).checkFreshness,
  },
  {
    name: 'init-client',
    summary:
      "set up a client's copy of the application: workflows, policy, docs, database users, GitHub secrets",
    load: async () => (await import('./init-client')).initClientCommand,
  },
];

/**
 * What the first word of a group of two-word commands stands for, when no command of its own has that
 * name: `shipkit atlas` lists the `atlas …` commands under this summary.
 */
export const GROUPS: Readonly<Record<string, string>> = {
  atlas:
    'MongoDB Atlas Cloud Backup: on-demand snapshots, exports, confirmed restores, policy drift and snapshot age, per tier',
};

/** The commands of a group (`atlas snapshot`, … for 'atlas'), in the order `--help` lists them. */
export function groupCommands(group: string): CommandEntry[] {
  return commands.filter((entry) => entry.name.startsWith(`${group} `));
}
