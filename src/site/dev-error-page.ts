// What `npm run dev` shows in the browser while the specs have errors: the problems as text, in place
// of a site that would be stale. Spec text reaches this page only as escaped text.
import { toHtmlText } from '../core/html-text.ts';

/** The problems the dev server shows, as the pipeline printed them; absent when there are none. */
export const DEV_ERROR_FILE = 'dev-error.txt';

/**
 * A self-contained page. It loads Vite's client so that, when the specs are fixed and the site data
 * is rewritten, the dev server's reload message brings the site back.
 */
export function toDevErrorPage(problems: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portolan dev: the specs have errors</title>
<script type="module" src="/@vite/client"></script>
<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #1b1d21; color: #e6e6e6; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.4rem; color: #ff8a80; margin: 0 0 0.5rem; }
pre { background: #101114; border: 1px solid #3a3d44; border-radius: 6px; padding: 1rem; overflow-x: auto; font: 13px/1.45 ui-monospace, monospace; white-space: pre; }
</style>
</head>
<body>
<main>
<h1>The site was not updated: the specs have errors</h1>
<p>Fix them and save; this page turns back into the site by itself.</p>
<pre id="portolan-dev-errors">${toHtmlText(problems)}</pre>
</main>
</body>
</html>
`;
}
