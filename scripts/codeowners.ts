// npm run codeowners -- [--specs DIR] [--file PATH] [--org ORG] [--check]
import { runCodeowners } from '../src/cli/codeowners.ts';

process.exitCode = await runCodeowners(process.argv.slice(2));
