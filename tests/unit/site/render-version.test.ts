import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRenderVersion, type RenderInputs } from '../../../src/site/render-version.ts';

/** A project folder with the files a renderer is made of. */
function makeProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-render-version-'));
  fs.mkdirSync(path.join(root, 'src', 'components'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'components', 'Operation.astro'), '<h2>Parameters</h2>');
  fs.writeFileSync(path.join(root, 'astro.config.mjs'), 'export default {}');
  fs.writeFileSync(path.join(root, 'package.json'), '{"version":"0.1.0"}');
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{"packages":{"node_modules/astro":{"version":"7.3.5"}}}');
  fs.writeFileSync(path.join(root, 'redocly.yaml'), 'extends: [recommended]\n');
  return root;
}

describe('the render version, which keys every cached page', () => {
  const root = makeProject();
  const inputs: RenderInputs = { projectRoot: root, branding: { accentColor: '#0a7' }, lintConfigPath: path.join(root, 'redocly.yaml'), env: {} };
  const base = getRenderVersion(inputs);

  it('stays the same for the same inputs', () => {
    expect(getRenderVersion(inputs)).toBe(base);
  });

  it.each<[string, () => RenderInputs]>([
    ['a changed component (Portolan\'s version)', () => {
      const changed = makeProject();
      fs.writeFileSync(path.join(changed, 'src', 'components', 'Operation.astro'), '<h2>Query parameters</h2>');
      return { ...inputs, projectRoot: changed };
    }],
    ['another Astro in the lockfile', () => {
      const changed = makeProject();
      fs.writeFileSync(path.join(changed, 'package-lock.json'), '{"packages":{"node_modules/astro":{"version":"7.4.0"}}}');
      return { ...inputs, projectRoot: changed, lintConfigPath: path.join(changed, 'redocly.yaml') };
    }],
    ['another accent colour (branding)', () => ({ ...inputs, branding: { accentColor: '#a70' } })],
    ['another lint config', () => {
      const changed = makeProject();
      fs.writeFileSync(path.join(changed, 'redocly.yaml'), 'extends: [minimal]\n');
      return { ...inputs, lintConfigPath: path.join(changed, 'redocly.yaml') };
    }],
    ['another site URL (site settings)', () => ({ ...inputs, env: { PORTOLAN_SITE_URL: 'https://docs.example.com' } })],
  ])('changes with %s', (_change, make) => {
    expect(getRenderVersion(make())).not.toBe(base);
  });
});
