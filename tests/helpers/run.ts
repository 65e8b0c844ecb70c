// Runs a command function (runBuild, runLint) with its output captured, as a user would see it.
import type { Io } from '../../src/lib/commands.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function capture(command: (args: string[], io: Io) => Promise<number>, args: string[]): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
