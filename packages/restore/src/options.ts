import { EXCLUDE, INCLUDE } from '@shipkit/mongo';
import { booleanRow, textRow } from '@shipkit/runtime';

/** The server a disaster-recovery restore writes into. */
export const TARGET_URI = textRow({
  description: 'The server to restore into. Secret: masked in every form.',
  default: '',
  secret: true,
  flag: 'uri',
  env: 'MONGODB_URI',
  placeholder: '<uri>',
});

export const DROP = booleanRow({
  description:
    'Replace target namespaces that exist. The restore is staged: what they held is dropped only after the whole backup was restored under staging names, checked against its manifest and swapped in; any failure leaves them as they were. Without it, a target that holds documents is refused and nothing is written.',
  default: 'false',
});

/** The action's typed confirmation: the databases the restore writes. */
export const CONFIRM = textRow({
  description:
    'The comma-separated list of the databases the restore writes (e.g. drill_shop,drill_crm). Anything else prints the plan and fails without writing.',
  default: '',
  placeholder: '<databases>',
});

export const DRY_RUN = booleanRow({
  description: 'Print what would be restored where, and write nothing.',
  default: 'false',
});

export const NO_READ_BACK = booleanRow({
  description:
    'Skip reading the restored data back (faster; the archive is still checked, refused documents still fail the restore, and no verification record is written).',
  default: 'false',
});

export const RESTORE_INCLUDE = {
  ...INCLUDE,
  description:
    'Namespaces to restore (db, db.collection, globs such as shop.*), comma or newline separated. Default: all.',
};

export const RESTORE_EXCLUDE = EXCLUDE;
