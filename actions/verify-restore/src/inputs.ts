import { Inputs } from '@shipkit/action-kit';
import { maskSecret } from '@shipkit/action-kit/action';
import { checkLocation, commonOptionsFromInputs, MODES, type VerifyRestoreOptions } from '@shipkit/verify';

/** Every input of action.yml, parsed once; URIs and the identity are masked before anything can print them. */
export function readVerifyRestoreInputs(env: NodeJS.ProcessEnv = process.env): VerifyRestoreOptions {
  const inputs = new Inputs(env);
  const scratchUri = inputs.string('scratch-mongodb-uri');
  const targetUri = inputs.string('target-mongodb-uri');
  const identity = inputs.string('decrypt-identity');
  for (const secret of [scratchUri, targetUri, identity]) maskSecret(secret);
  const source = inputs.string('source');
  const mode = inputs.enum('mode', MODES, 'integrity');
  return {
    location: checkLocation({ ...(source ? { source } : {}), backup: inputs.string('backup') ?? 'latest' }),
    mode,
    ...(scratchUri ? { scratchUri } : {}),
    ...(targetUri ? { targetUri } : {}),
    ...(identity ? { identity } : {}),
    confirm: inputs.string('confirm') ?? '',
    requireConfirmation: true,
    ...commonOptionsFromInputs(inputs, env),
  };
}
