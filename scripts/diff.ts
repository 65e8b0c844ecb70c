// npm run diff -- --base REF [--specs DIR] [--config FILE] [--format stylish|json|github|markdown] [--allow-breaking]
import { runDiff } from '../src/cli/diff-command.ts';

process.exitCode = await runDiff(process.argv.slice(2));
