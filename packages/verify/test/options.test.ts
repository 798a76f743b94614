import { describe, expect, it } from '@jest/globals';
import { UserError } from '@shipkit/action-kit';
import { checkLocation, prefixOf } from '../src/options';

describe('where a backup is looked up', () => {
  it.each(['latest', 'latest-verified', '2026-11-25T030000Z-1a2b3c'])(
    "refuses '%s' without the prefix it is stored under, naming the input",
    (backup) => {
      expect(() => checkLocation({ backup })).toThrow(UserError);
      expect(() => checkLocation({ backup })).toThrow(
        `Backup '${backup}' needs the prefix it is stored under ('source', e.g. s3://bucket/backups), or give the backup as a URL.`,
      );
    },
  );

  it('takes a backup named by URL without a prefix, and one named by id under its prefix', () => {
    const url = { backup: 's3://acme-backups/shop/2026-11-25T030000Z-1a2b3c' };
    expect(checkLocation(url)).toBe(url);
    const named = { source: 'file:///backups/shop', backup: 'latest' };
    expect(checkLocation(named)).toBe(named);
    expect(prefixOf(named)).toBe('file:///backups/shop');
  });
});
