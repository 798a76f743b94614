/**
 * The option table of every action, by its folder under actions/: action.yml's inputs are generated
 * from these (`npm run docs`), and the drift test checks that they still match.
 */
import type { Table } from '@shipkit/runtime';
import { ATLAS_BACKUP_INPUTS } from '../actions/atlas-backup/src/inputs';
import { BRANCH_POLICY_INPUTS } from '../actions/branch-policy/src/inputs';
import { MONGO_BACKUP_INPUTS } from '../actions/mongo-backup/src/inputs';
import { RENDER_DEPLOY_INPUTS } from '../actions/render-deploy/src/inputs';
import { VERIFY_RESTORE_INPUTS } from '../actions/verify-restore/src/inputs';

export const ACTION_TABLES: Readonly<Record<string, Table>> = {
  'atlas-backup': ATLAS_BACKUP_INPUTS,
  'branch-policy': BRANCH_POLICY_INPUTS,
  'mongo-backup': MONGO_BACKUP_INPUTS,
  'render-deploy': RENDER_DEPLOY_INPUTS,
  'verify-restore': VERIFY_RESTORE_INPUTS,
};
