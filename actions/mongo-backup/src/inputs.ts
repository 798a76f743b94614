import { readInputs } from '@shipkit/action-kit';
import { BACKUP_OPTIONS, type BackupOptions, backupOptions } from '@shipkit/backup';

/** Every input of the mongo-backup action: action.yml is generated from it. */
export const MONGO_BACKUP_INPUTS = BACKUP_OPTIONS;

/** Every input, parsed once; the URI is masked in every form before anything can print it. */
export function readBackupInputs(env: NodeJS.ProcessEnv = process.env): BackupOptions {
  return backupOptions(readInputs(MONGO_BACKUP_INPUTS, env), env);
}
