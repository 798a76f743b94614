import { maskSecret, readInputs } from '@shipkit/action-kit';
import { BACKUP_OPTIONS, type BackupOptions, backupOptions } from '@shipkit/backup';
import { NOTIFY_ROWS, type NotifyConfig, notifyConfig } from '@shipkit/notify';

/** Every input of the mongo-backup action: action.yml is generated from it. */
export const MONGO_BACKUP_INPUTS = { ...BACKUP_OPTIONS, ...NOTIFY_ROWS };

/** Every input, parsed once; the URI and every hook URL are masked before anything can print them. */
export function readBackupInputs(env: NodeJS.ProcessEnv = process.env): {
  options: BackupOptions;
  notify: NotifyConfig;
} {
  const values = readInputs(MONGO_BACKUP_INPUTS, env);
  return { options: backupOptions(values, env), notify: notifyConfig(values, maskSecret) };
}
