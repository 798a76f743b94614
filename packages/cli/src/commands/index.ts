import type { Command } from '../command';
import { backup } from './backup';
import { inspect, list, prune } from './catalog';
import { checkFreshnessCommand } from './check-freshness';
import { deploy } from './deploy';
import { envCheckCommand } from './env-check';
import { initClientCommand } from './init-client';
import { policy } from './policy';
import { restore } from './restore';
import { verify } from './verify';

/** Every subcommand, in the order `--help` lists them. */
export const commands: Command[] = [
  backup,
  list,
  inspect,
  prune,
  verify,
  restore,
  checkFreshnessCommand,
  deploy,
  policy,
  envCheckCommand,
  initClientCommand,
];
