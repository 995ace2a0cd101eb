/**
 * npm run package [-- --config waymark.manifest.json] [--out build] [--dev]
 *
 * Builds build/waymark.zip (the Teams app package: manifest.json, color.png, outline.png),
 * build/waymark-addin.xml (the add-in-only XML manifest) and build/assets/icon-*.png (the
 * ribbon and add-in icons the host serves under {hostUrl}/assets/), then validates them.
 * Refuses the development placeholder ids and a localhost host unless `--dev`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addinAssets, buildAddinXml, buildPackage } from './build.js';
import { ConfigError, loadConfig } from './config.js';
import { configPlaceholders } from './production.js';
import { validatePackage } from './validation.js';
import { checkAddinXml } from './xml.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { config: { type: 'string' }, out: { type: 'string', default: 'build' }, dev: { type: 'boolean', default: false } } });
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  let config;
  try {
    config = loadConfig({ file: values.config, defaultVersion: pkg.version });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const placeholders = configPlaceholders(config);
  if (placeholders.length && !values.dev) {
    for (const line of placeholders) console.error(line);
    console.error('No package written. For a package to sideload while developing, run: npm run package -- --dev');
    return 1;
  }
  const out = values.out ?? 'build';
  mkdirSync(join(out, 'assets'), { recursive: true });
  const zip = await buildPackage(config);
  const xml = buildAddinXml(config);
  writeFileSync(join(out, 'waymark.zip'), zip);
  writeFileSync(join(out, 'waymark-addin.xml'), xml);
  for (const a of addinAssets()) writeFileSync(join(out, 'assets', a.name), a.data);

  const result = await validatePackage(zip);
  const xmlErrors = checkAddinXml(xml);
  for (const line of [...result.errors, ...xmlErrors.map((l) => `waymark-addin.xml ${l}`)]) console.error(line);
  if (result.errors.length || xmlErrors.length) return 1;
  console.log(`wrote ${join(out, 'waymark.zip')} (manifest v${result.version}, app ${config.appId}, bot ${config.botId}, host ${config.hostUrl})`);
  console.log(`wrote ${join(out, 'waymark-addin.xml')} and ${join(out, 'assets')}/icon-{16,32,64,80}.png`);
  if (config.defaulted.length) console.log(`defaults used for: ${config.defaulted.join(', ')}`);
  if (placeholders.length) console.log('--dev: development package (placeholder ids or a localhost host); not for upload to your tenant');
  return 0;
}

process.exitCode = await main();
