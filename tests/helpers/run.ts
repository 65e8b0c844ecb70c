// Runs a command function (runBuild, runLint) with its output captured, as a user would see it.
import type { Io } from '../../src/cli/commands.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function capture<T extends unknown[]>(
  command: (args: string[], io: Io, ...rest: T) => Promise<number>,
  args: string[],
  ...rest: T
): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, ...rest);
  return { code, stdout, stderr };
}
