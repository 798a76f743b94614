import { checkFreshness } from '@shipkit/verify';
import type { Command } from '../command';
import { optionInputs } from '../inputs';
import { S3_OPTIONS, STORAGE_ENV, timeoutOption } from './backup';
import { onStorage } from './catalog';

export const checkFreshnessCommand: Command = {
  name: 'check-freshness',
  usage: '--at <url> --max-age <duration> [--require-verified]',
  options: {
    at: {
      type: 'string',
      value: '<url>',
      description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
    },
    'max-age': { type: 'string', value: '<duration>', description: 'e.g. 26h for a nightly backup' },
    'require-verified': { type: 'boolean', description: 'only backups with a passing verification count' },
    ...timeoutOption('10m'),
    ...S3_OPTIONS,
  },
  details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
  async run(args, context) {
    const inputs = optionInputs(args, context.env, {
      aliases: { at: 'destination' },
      envFallbacks: { destination: 'BACKUP_DESTINATION', ...STORAGE_ENV },
    });
    const url = inputs.required('destination');
    inputs.required('max-age');
    const maxAgeMs = inputs.duration('max-age', 0);
    const run = { run: 'freshness check', defaultTimeoutMs: 10 * 60_000 };
    return onStorage(url, inputs, context, run, async (storage) => {
      const result = await checkFreshness(storage, {
        maxAgeMs,
        requireVerified: inputs.boolean('require-verified', false),
      });
      if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
      return result.fresh ? 0 : 1;
    });
  },
};
