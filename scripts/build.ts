// npm run build -- [--specs DIR] [--out DIR] [--audience A] [--partner ID] [--config FILE]
import { runBuild } from '../src/cli/commands.ts';

process.exitCode = await runBuild(process.argv.slice(2));
