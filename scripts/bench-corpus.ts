// npm run bench -- [--sample N[,N...]] [--mixed N[,N...]] [--corpus DIR] [--audience A] [--specs DIR] [--mixed-script FILE] [--keep]
// Builds corpus sets (../shared/corpus/fetch.sh's samples for one audience, or mixed.mjs's six-site
// catalogs for every site) and prints wall time, peak memory of the process tree, per-stage and per-site
// timings, pages, bytes, median and largest page, Pagefind size, a Markdown table and log-log slopes.
// Fetch the corpus first: bash ../shared/corpus/fetch.sh .cache/corpus
import { runBench } from '../src/cli/bench-command.ts';

process.exitCode = await runBench(process.argv.slice(2));
