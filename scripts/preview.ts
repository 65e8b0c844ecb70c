// npm run preview -- [--audience A] [--partner ID] [--out DIR] [--port N]: serves a built site locally.
import { runPreview } from '../src/cli/preview-command.ts';

process.exitCode = await runPreview(process.argv.slice(2));
