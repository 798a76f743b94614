import { planBackupRestore, restoreBackup } from '@shipkit/restore';
import { OptionError, UserError } from '@shipkit/runtime';
import type { Storage } from '@shipkit/storage';
import { failureMessage, locateBackup } from '@shipkit/verify';
import type { MongoClient } from 'mongodb';
import type { Seeder } from './init-client';

/** The option that gives the identity of an encrypted template backup. */
export const SEED_IDENTITY_OPTION = 'seed-identity';

export interface BackupSeederDeps {
  openStorage: (url: string) => Storage;
  connect: (uri: string) => Promise<MongoClient>;
  /** An age identity for an encrypted template backup. */
  identity?: string;
}

/**
 * Seeds a client's database from a template backup (a backup folder of this suite or a bare mongodump
 * archive): its one database is restored under the client's name, checked against the backup, and
 * nothing else is touched. A client database that already holds those collections is refused.
 */
export function backupSeeder(deps: BackupSeederDeps): Seeder {
  return {
    async seed({ from, uri, database, logger }) {
      const source = await locateBackup({ backup: from }, deps.openStorage);
      const access = deps.identity ? { identity: deps.identity, identityOption: SEED_IDENTITY_OPTION } : {};
      const client = await deps.connect(uri);
      try {
        const plan = await planBackupRestore(source, access, client);
        const databases = [...new Set(plan.namespaces.map((n) => n.source.db))];
        if (databases.length !== 1) {
          throw new OptionError(
            'seed-from',
            `must name a backup of one template database; ${source.url} holds ` +
              `${databases.length === 0 ? 'none' : `${databases.length} (${databases.join(', ')})`}.`,
          );
        }
        const template = databases[0] as string;
        const report = await restoreBackup(
          source,
          {
            ...access,
            include: [`${template}.*`],
            renames: [{ from: `${template}.*`, to: `${database}.*` }],
            record: false,
          },
          client,
          { logger },
        );
        if (report.result !== 'passed')
          throw new UserError(`Seeding ${database} failed: ${failureMessage(report)}`);
        return {
          sourceDatabase: template,
          collections: report.totals.namespaces,
          documents: report.totals.restoredDocuments ?? report.totals.documents,
        };
      } finally {
        await client.close();
      }
    },
  };
}
