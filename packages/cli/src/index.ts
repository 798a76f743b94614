export {
  booleanOption,
  type Command,
  type CommandContext,
  listOption,
  type OptionSpec,
  type ParsedArgs,
  stringOption,
} from './command';
export { type CliIo, commandHelp, main, PROGRAM, programHelp } from './main';
