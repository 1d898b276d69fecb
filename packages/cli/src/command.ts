import type { CliIo } from './cli-io.js';

/**
 * How an option of a command is parsed.
 *
 * @example
 * ```ts
 * const strict: OptionSpec = { type: 'boolean', description: 'Fail on warnings too' };
 * ```
 */
export interface OptionSpec {
  /** `string` takes a value; `boolean` is a flag. */
  readonly type: 'string' | 'boolean';
  /** The option may be given more than once (values collect in an array). @default false */
  readonly multiple?: boolean;
  /** A one-letter alias. @default none */
  readonly short?: string;
  /** What the option does, for `--help`. */
  readonly description: string;
}

/**
 * The parsed command line of one command.
 *
 * @example
 * ```ts
 * // errcat lint catalog.yaml --strict
 * const input: CommandInput = { positionals: ['catalog.yaml'], values: { strict: true } };
 * ```
 */
export interface CommandInput {
  /** Positional arguments after the command name. */
  readonly positionals: readonly string[];
  /** Option values by name. */
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/**
 * One `errcat` subcommand. Each lives in its own file under `src/commands/` and is listed in
 * `src/commands/index.ts`.
 *
 * @example
 * ```ts
 * export const helloCommand: Command = {
 *   name: 'hello', summary: 'Says hello', usage: 'errcat hello', options: {},
 *   run: async (_input, io) => { io.stdout('hello\n'); return 0; },
 * };
 * ```
 */
export interface Command {
  /** The subcommand name. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The usage line(s) for `--help`. */
  readonly usage: string;
  /** The options it takes (besides `--help`). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Runs the command; resolves to the exit code. Throw a catalog error for bad input. */
  readonly run: (input: CommandInput, io: CliIo) => Promise<number>;
}
