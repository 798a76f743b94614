import type { NamespaceRename, RestorePlan } from '@shipkit/mongo';
import { OptionError, say } from '@shipkit/runtime';
import {
  archiveAccess,
  type BackupRunOptions,
  type BackupSource,
  onBackup,
  type RunDeps,
  type VerificationReport,
} from '@shipkit/verify';
import { planBackupRestore, restoreBackup } from './restore';

/** A disaster-recovery restore into a real target, as the action and `shipkit restore` take it. */
export interface RestoreRunOptions extends BackupRunOptions {
  /** The server restored into. Secret. */
  targetUri: string;
  renames: NamespaceRename[];
  include: string[];
  exclude: string[];
  /** Replace target namespaces that hold data (once the restore is proven). */
  drop: boolean;
  /**
   * When set, the restore runs only if this lists the target databases (comma separated, any
   * order); otherwise the plan is returned as refused. The CLI leaves it unset.
   */
  confirm?: string;
  /** Compute and return the plan, write nothing. */
  dryRun?: boolean;
  /** Read the restored data back and compare it (default true). */
  readBack?: boolean;
}

export type RestoreOutcome =
  | { kind: 'report'; source: BackupSource; report: VerificationReport }
  /** Without a matching confirmation, or in a dry run: what would be done; nothing was written. */
  | { kind: 'plan'; source: BackupSource; plan: RestorePlan; confirmation: Confirmation | undefined };

export interface Confirmation {
  /** What `confirm` must be: the target databases, comma separated. */
  expected: string;
  given: string;
  matches: boolean;
}

/** The comma-joined target databases `confirm` must equal (order and spaces do not matter). */
export function checkConfirmation(plan: RestorePlan, given: string | undefined): Confirmation {
  const expected = plan.targetDatabases.join(',');
  const listed = (given ?? '')
    .split(',')
    .map((db) => db.trim())
    .filter((db) => db !== '')
    .sort();
  return { expected, given: given ?? '', matches: listed.length > 0 && listed.join(',') === expected };
}

/**
 * Locates the backup and restores it into the target within the timeout. It plans first: in a dry
 * run, or with a confirmation asked for that does not match, it returns the plan and writes nothing.
 * A backup the catalogue finds damaged is never restored.
 */
export async function runRestore(options: RestoreRunOptions, deps: RunDeps): Promise<RestoreOutcome> {
  return onBackup(options, deps, { name: 'restore run', progress: 'restore' }, async (run) => {
    const { source } = run;
    if (source.damage) {
      throw OptionError.saying(
        say`Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. \`shipkit verify\` on it names every problem; restore another backup, or, knowing the risk, restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").`,
      );
    }
    if (!options.targetUri) throw new OptionError('target-mongodb-uri', 'is required but was not given.');
    const target = await run.connect(options.targetUri);
    const access = archiveAccess(options);
    const selection = { renames: options.renames, include: options.include, exclude: options.exclude };
    const plan = await planBackupRestore(source, { ...access, ...selection, drop: options.drop }, target);
    const confirmation = options.confirm === undefined ? undefined : checkConfirmation(plan, options.confirm);
    if (options.dryRun || (confirmation && !confirmation.matches)) {
      return { kind: 'plan', source, plan, confirmation };
    }
    const report = await restoreBackup(
      source,
      {
        ...access,
        ...selection,
        drop: options.drop,
        ...(options.readBack === false ? { readBack: false } : {}),
      },
      target,
      run.checkDeps,
    );
    run.progress.done();
    return { kind: 'report', source, report };
  });
}

/** The refusal of a restore whose confirmation does not name the databases it writes. */
export function unconfirmedError(confirmation: Confirmation | undefined): OptionError {
  return new OptionError(
    'confirm',
    say`must be exactly '${confirmation?.expected ?? ''}' (the databases this restore writes) to run it; got '${confirmation?.given ?? ''}'. Nothing was written.`,
  );
}
