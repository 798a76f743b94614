import { durationRow, integerRow } from './row';

/**
 * Rows that several tables share, in their most general words; a table may override the
 * description (`{ ...PARALLELISM, description: '…' }`), never the parsing.
 */

/** How much work runs at once: reads of a backup, insert batches of a restore. */
export const PARALLELISM = integerRow({
  description: 'How many reads or writes run at once.',
  default: '4',
  min: 1,
  max: 64,
});

/** The parallelism a core function uses when its caller gives none: the row's default. */
export const DEFAULT_PARALLELISM = PARALLELISM.parse(PARALLELISM.default);

/** The bound on a whole run, the network included; each command has its own default. */
export function timeoutRow<const D extends string>(defaultText: D, description?: string) {
  return durationRow({
    description:
      description ??
      'Fail if the run takes longer, e.g. 90m or 2h. Requests still waiting are then aborted, and the run ends within seconds, naming what did not answer.',
    default: defaultText,
  });
}

/** The default of a token input: the job's own token, which the runner substitutes. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, evaluated by the runner
export const JOB_TOKEN = '${{ github.token }}';
