import { Inputs, inputEnvName } from '@shipkit/runtime';
import type { ParsedArgs } from './command';

export interface OptionInputsSpec {
  /** CLI option → action input name, where they differ (e.g. `uri` → `mongodb-uri`). */
  aliases?: Record<string, string>;
  /** Action input name → environment variable read when the option is not given (keeps secrets off argv). */
  envFallbacks?: Record<string, string>;
}

/**
 * Lets a CLI command parse its options with the same code, names and checks as the action's inputs:
 * option values are laid out as `INPUT_*` entries, with environment variables as fallbacks, and
 * errors name the option (and its variable).
 */
export function optionInputs(
  args: ParsedArgs,
  env: Readonly<Record<string, string | undefined>>,
  spec: OptionInputsSpec = {},
): Inputs {
  const aliases = spec.aliases ?? {};
  const fallbacks = spec.envFallbacks ?? {};
  const source: Record<string, string> = {};
  for (const [input, variable] of Object.entries(fallbacks)) {
    const value = env[variable];
    if (value) source[inputEnvName(input)] = value;
  }
  for (const [option, value] of Object.entries(args.options)) {
    if (value === undefined || option === 'json' || option === 'help' || option === 'verbose') continue;
    const input = aliases[option] ?? option;
    source[inputEnvName(input)] = Array.isArray(value) ? value.map(String).join('\n') : String(value);
  }
  const optionOf = Object.fromEntries(Object.entries(aliases).map(([option, input]) => [input, option]));
  return new Inputs(source, (input) => {
    const option = `--${optionOf[input] ?? input}`;
    return fallbacks[input] ? `${option} (or ${fallbacks[input]})` : option;
  });
}
