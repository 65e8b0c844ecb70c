// npm run lint -- [--specs DIR] [--config FILE] [--format stylish|json|github|markdown] [--changed-since REF] [LIMITS]
import { runLint } from '../src/cli/commands.ts';

process.exitCode = await runLint(process.argv.slice(2));
