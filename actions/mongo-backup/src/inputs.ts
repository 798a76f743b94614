import { maskSecret, readInputs } from '@shipkit/action-kit';
import {
  BACKUP_OPTIONS,
  type BackupOptions,
  backupOptions,
  type FinalizeOptions,
  finalizeOptions,
  isBackupId,
  PART,
  PARTS,
  type PartOptions,
  PLANNED_BACKUP,
  type PlanOptions,
  partOptions,
  planOptions,
} from '@shipkit/backup';
import { NOTIFY_ROWS, type NotifyConfig, notifyConfig } from '@shipkit/notify';
import { enumRow, OptionError, ref, say, type Values } from '@shipkit/runtime';

/** One step of a backup in parts; without it the action writes the whole backup. */
export const PARTS_STEP = enumRow(['plan', 'part', 'finalize'] as const, {
  description:
    'Run one step of a backup in parts (see "Backups in parts"): plan (reads the catalogue once, writes plan.json; outputs backup-id and parts-matrix), part (writes one part of the backup {backup-id}, the one given as {part}), or finalize (checks every part of {backup-id}, then writes the manifest last). Empty: the whole backup in this step.',
});

/** Every input of the mongo-backup action: action.yml is generated from it. */
export const MONGO_BACKUP_INPUTS = {
  ...BACKUP_OPTIONS,
  // Finalize reads only the storage: it needs no connection string.
  'mongodb-uri': {
    ...BACKUP_OPTIONS['mongodb-uri'],
    description: `${BACKUP_OPTIONS['mongodb-uri'].description} Required, except with {parts-step} finalize.`,
    required: false,
    default: '',
  },
  'parts-step': PARTS_STEP,
  parts: {
    ...PARTS,
    description:
      'With {parts-step} plan: how many parts to split the backup into, 2 or more (each written by a job of its own, a matrix of at most 256).',
  },
  'backup-id': {
    ...PLANNED_BACKUP,
    description:
      'With {parts-step} part or finalize: the planned backup, as the plan step output it (backup-id), e.g. 2026-11-25T030000Z-1a2b3c.',
    required: false,
    default: '',
  },
  part: {
    ...PART,
    description:
      'With {parts-step} part: the part to write, 1 to the number of parts of the plan (a matrix value of parts-matrix). A part may be re-run: it replaces only its own objects.',
    required: false,
  },
  ...NOTIFY_ROWS,
};

type Inputs = Values<typeof MONGO_BACKUP_INPUTS>;

/** What the step runs, with its typed options. */
export type BackupStep =
  | { step: 'backup'; options: BackupOptions }
  | { step: 'plan'; options: PlanOptions }
  | { step: 'part'; options: PartOptions }
  | { step: 'finalize'; options: FinalizeOptions };

/** Every input, parsed once; the URI and every hook URL are masked before anything can print them. */
export function readBackupInputs(env: NodeJS.ProcessEnv = process.env): {
  run: BackupStep;
  notify: NotifyConfig;
} {
  const values = readInputs(MONGO_BACKUP_INPUTS, env);
  return { run: backupStep(values, env), notify: notifyConfig(values, maskSecret) };
}

/** The step the inputs ask for; a combination that makes no sense is refused, naming the input. */
export function backupStep(values: Inputs, env: NodeJS.ProcessEnv): BackupStep {
  const step = values['parts-step'];
  // An empty input reads as absent.
  const backupId = values['backup-id'] ?? '';
  const { part } = values;
  if (step !== 'part' && part !== undefined) {
    throw new OptionError('part', say`is only for ${ref('parts-step')} part; got ${part}.`);
  }
  if ((step === undefined || step === 'plan') && backupId !== '') {
    throw new OptionError(
      'backup-id',
      say`is only for ${ref('parts-step')} part or finalize (a plan makes a new backup id); got '${backupId}'.`,
    );
  }
  if (step !== 'plan' && values.parts !== 1) {
    throw new OptionError(
      'parts',
      say`splits a backup only with ${ref('parts-step')} plan (then part and finalize, see "Backups in parts"); got ${values.parts}.`,
    );
  }
  if (step !== 'finalize' && values['mongodb-uri'] === '') {
    throw new OptionError('mongodb-uri', 'is required but was not given.');
  }
  if (step === 'part' || step === 'finalize') {
    if (backupId === '') {
      throw new OptionError(
        'backup-id',
        say`is required with ${ref('parts-step')} ${step}: the backup-id output of the plan step.`,
      );
    }
    if (!isBackupId(backupId)) {
      throw new OptionError(
        'backup-id',
        `must be a backup id such as 2026-11-25T030000Z-1a2b3c, got '${backupId}'.`,
      );
    }
  }
  switch (step) {
    case undefined:
      return { step: 'backup', options: backupOptions(values, env) };
    case 'plan':
      if (values.parts < 2) {
        throw new OptionError(
          'parts',
          say`must be 2 or more with ${ref('parts-step')} plan (1 part is a whole backup: leave ${ref('parts-step')} empty); got ${values.parts}.`,
        );
      }
      return { step, options: planOptions(values, env) };
    case 'part':
      if (part === undefined) {
        throw new OptionError(
          'part',
          say`is required with ${ref('parts-step')} part: which part to write, 1 to the number of parts.`,
        );
      }
      return { step, options: partOptions({ ...values, backup: backupId, part }, env) };
    case 'finalize':
      return { step, options: finalizeOptions({ ...values, backup: backupId }, env) };
  }
}
