import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errcatErrors, isCatalogError } from 'errcat';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ' <value>' : ''}`;
    return `  ${flag.padEnd(24)} ${option.description}`;
  });
  options.push(`  ${'--help'.padEnd(24)} Show this help`);
  return `${command.summary}\n\nUsage: ${command.usage}\n\nOptions:\n${options.join('\n')}\n`;
}

function overview(): string {
  const list = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return `errcat — make an HTTP API's errors a contract\n\nUsage: errcat <command> [options]\n\nCommands:\n${list.join('\n')}\n\nRun 'errcat <command> --help' for a command's options.\n`;
}

// src/main.ts and dist/main.js both sit one level below the package's manifest.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Exit codes: 0 success, 1 failure (invalid catalog, unknown code, findings), 2 usage error. */
function exitCodeFor(error: unknown): number {
  return errcatErrors.is(error, 'ERRCAT_BAD_ARGUMENT') ? 2 : 1;
}

/**
 * Runs the `errcat` command line; resolves to the exit code. Failures print one line to standard
 * error (never a stack trace, unless `ERRCAT_DEBUG=1`).
 *
 * @example
 * ```ts
 * const code = await main(['explain', 'catalogs/resonate-legacy.yaml', '4040'], processIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`errcat ${version}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (!command)
      throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `unknown command '${name}' (run 'errcat --help')` });
    const options = { ...command.options, help: { type: 'boolean', short: 'h', description: '' } } as const;
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw errcatErrors.ERRCAT_BAD_ARGUMENT({
        reason: `${(error as Error).message.split('\n')[0]} (run 'errcat ${name} --help')`,
      });
    }
    if (parsed.values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (error) {
    if (isCatalogError(error)) io.stderr(`errcat: ${error.message} [${String(error.code)}]\n`);
    else
      io.stderr(
        `errcat: unexpected failure: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
      );
    if (process.env.ERRCAT_DEBUG === '1' && error instanceof Error) io.stderr(`${error.stack}\n`);
    return exitCodeFor(error);
  }
}
