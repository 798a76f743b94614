import type { Command } from '../command';
import { backup } from './backup';
import { inspect, list, prune } from './catalog';
import { deploy } from './deploy';
import { envCheckCommand } from './env-check';
import { initClientCommand } from './init-client';
import { policy } from './policy';

/** Every subcommand, in the order `--help` lists them. */
export const commands: Command[] = [backup, list, inspect, prune, deploy, policy, envCheckCommand, initClientCommand];
