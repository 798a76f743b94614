export { main, commandHelp, programHelp, PROGRAM, type CliIo } from './main';
export {
  type Command,
  type CommandContext,
  type OptionSpec,
  type ParsedArgs,
  booleanOption,
  listOption,
  stringOption,
} from './command';
