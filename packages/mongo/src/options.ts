import { durationRow, listRow } from '@shipkit/runtime';

/** How long connecting to MongoDB may take: every command and action that connects takes it. */
export const CONNECT_TIMEOUT = durationRow({
  description:
    "How long connecting to MongoDB may take, e.g. 10s. Default: the URI's serverSelectionTimeoutMS, else 30s. A refused connection or an unknown host fails at once.",
  default: '',
});

/** Namespaces a backup takes or a restore writes; tables give each its own description. */
export const INCLUDE = listRow({
  description:
    'Databases or namespaces to take (db, db.collection, globs such as shop.*), comma or newline separated. Default: all.',
  default: '',
  placeholder: '<ns>',
});

export const EXCLUDE = listRow({
  description: 'Databases or namespaces to leave out, same forms as {include}. Exclude wins.',
  default: '',
  placeholder: '<ns>',
});

/** Renames of a restore, given side by side: the n-th `ns-from` becomes the n-th `ns-to`. */
export const RENAME_ROWS = {
  'ns-from': listRow({
    description: 'Namespace patterns to rename, e.g. shop.* (paired with {ns-to}, in the same order).',
    default: '',
    placeholder: '<pattern>',
  }),
  'ns-to': listRow({
    description: 'What each {ns-from} pattern becomes, e.g. drill_shop.* (as many * as its {ns-from}).',
    default: '',
    placeholder: '<pattern>',
  }),
};
