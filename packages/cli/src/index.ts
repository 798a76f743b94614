export { type Command, type CommandContext, type CommandInput, command } from './command';
export { commands } from './commands';
export { type CliIo, commandHelp, EXIT_CODES, main, PROGRAM, programHelp } from './main';
export { COMMON_OPTIONS, cliDescription, cliVocabulary } from './options';
