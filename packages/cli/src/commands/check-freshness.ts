import { failedEvent, freshnessEvent, NOTIFY_ROWS } from '@shipkit/notify';
import { booleanRow, durationRow, EXIT, timeoutRow } from '@shipkit/runtime';
import { S3_ROWS } from '@shipkit/storage';
import { checkFreshness } from '@shipkit/verify';
import { command } from '../command';
import { reporting } from '../notify';
import { AT, onStorage } from './catalog';

export const checkFreshnessCommand = command({
  name: 'check-freshness',
  usage: '--at <url> --max-age <duration> [--require-verified]',
  options: {
    at: AT,
    'max-age': durationRow({
      description: 'How old the newest qualifying backup may be, e.g. 26h for a nightly backup.',
      required: true,
    }),
    'require-verified': booleanRow({
      description: 'Only backups with a passing verification count.',
      default: 'false',
    }),
    timeout: timeoutRow(
      '10m',
      'Fail after this long, e.g. 90s or 10m, waiting on the network included; the error names what did not answer.',
    ),
    ...S3_ROWS,
    ...NOTIFY_ROWS,
  },
  details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old. With --notify a stale
result sends freshness.stale; with --heartbeat every check pings it (success when fresh, /fail when
stale), so a watchdog that stops running raises the alarm by its silence.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
  async run({ options }, context) {
    return reporting(
      options,
      context,
      // A check that could not look at the backups cannot say they are fresh: that is stale news too.
      (error) => failedEvent('freshness.stale', error, new Date(), { destination: options.at }),
      () =>
        onStorage(options.at, options, context, { run: 'freshness check' }, async (storage) => {
          const result = await checkFreshness(storage, {
            maxAgeMs: options['max-age'],
            requireVerified: options['require-verified'],
          });
          if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
          else context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
          return { code: result.fresh ? EXIT.ok : EXIT.failed, event: freshnessEvent(result, new Date()) };
        }),
    );
  },
});
