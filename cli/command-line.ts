/**
 * The part every Waymark command line shares: parse the arguments, answer --help, and turn a
 * bad option into its message, the usage and exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** The parsed arguments, or the exit code when there is nothing more to do (--help, a bad option). */
export function readCommandLine<T extends ParseArgsConfig>(command: string, usage: string, config: T): CommandLine<T> | number {
  let args: CommandLine<T>;
  try {
    args = parseArgs(config);
  } catch (e) {
    process.stderr.write(`${command}: ${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((args.values as Record<string, unknown>).help === true) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return args;
}

/** Writes `command: message` to stderr and gives exit code 2. */
export const refuse = (command: string) => (message: string): number => {
  process.stderr.write(`${command}: ${message}\n`);
  return 2;
};
