// npm run new-api -- --id ID --owner TEAM [--audience open|partner|internal] [--partners ID,ID] [--title TITLE] [--specs DIR] [--format yaml|json]
import { runNewApi } from '../src/cli/scaffold.ts';

process.exitCode = await runNewApi(process.argv.slice(2));
