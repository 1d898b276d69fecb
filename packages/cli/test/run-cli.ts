import type { CliIo } from '../src/cli-io.js';
import { main } from '../src/main.js';

/** What one in-process run of the CLI did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the `errcat` command line in-process with `cwd` as its working directory and captures its
 * output, so tests observe exactly what a user sees.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCli(dir, 'diff', 'old.yaml', 'new.yaml');
 * ```
 */
export function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  return runCliWithInput(cwd, '', ...argv);
}

/**
 * {@link runCli} with `input` as the command's standard input.
 *
 * @example
 * ```ts
 * const { stdout } = await runCliWithInput(dir, '{"error":"nope"}', 'decode', '--status', '400');
 * ```
 */
export async function runCliWithInput(cwd: string, input: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: async () => input,
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
