import { Inputs } from '@shipkit/runtime';
import { maskSecret } from '@shipkit/action-kit';
import { type BackupOptions, backupOptionsFromInputs } from '@shipkit/backup';

/** Every input of action.yml, parsed once; the URI is masked in every form before anything can print it. */
export function readBackupInputs(env: NodeJS.ProcessEnv = process.env): BackupOptions {
  const inputs = new Inputs(env);
  maskSecret(inputs.string('mongodb-uri'));
  return backupOptionsFromInputs(inputs, env);
}
