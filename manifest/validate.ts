/**
 * npm run manifest:validate [-- [--dev] <waymark.zip | manifest.json | waymark-addin.xml> ...]
 *
 * Validates offline. A zip: exact file list, manifest against the shipped JSON schema, icons.
 * A manifest.json: the manifest, plus color.png/outline.png beside it when present. An .xml
 * file: the add-in-only manifest's structure. With no argument: build/waymark.zip, and
 * build/waymark-addin.xml if it exists. Prints one line per problem and exits 1, or prints
 * "valid against v1.xx" and exits 0. A manifest with the development placeholder ids or a
 * localhost domain is not valid for a tenant: reported as errors unless `--dev`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { manifestPlaceholders } from './production.js';
import { checkAddinXml } from './xml.js';
import { checkIcon, validateManifest, validatePackage, type ValidationResult } from './validation.js';

async function validateFile(file: string, dev: boolean): Promise<ValidationResult & { kind: 'json' | 'xml' }> {
  const result = await validateOne(file);
  if (result.kind === 'json' && !dev && result.errors.length === 0) {
    const manifest = await manifestOf(file);
    if (manifest !== undefined) result.errors.push(...manifestPlaceholders(manifest).map((l) => `${l} (--dev accepts a development package)`));
  }
  return result;
}

async function manifestOf(file: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const zip = await JSZip.loadAsync(readFileSync(file));
    const text = await zip.file('manifest.json')?.async('string');
    return text === undefined ? undefined : JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

async function validateOne(file: string): Promise<ValidationResult & { kind: 'json' | 'xml' }> {
  if (!existsSync(file)) return { kind: 'json', version: undefined, errors: [`${file}: no such file (run npm run package first?)`] };
  if (file.endsWith('.xml')) return { kind: 'xml', version: undefined, errors: checkAddinXml(readFileSync(file, 'utf8')) };
  if (file.endsWith('.json')) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      return { kind: 'json', version: undefined, errors: [`${file}: not valid JSON (${(e as Error).message})`] };
    }
    const result = validateManifest(manifest);
    const icons = (manifest as { icons?: Record<string, unknown> }).icons ?? {};
    for (const kind of ['color', 'outline'] as const) {
      const name = icons[kind];
      const path = typeof name === 'string' ? join(dirname(file), name) : undefined;
      if (path && existsSync(path)) result.errors.push(...checkIcon(kind, name as string, readFileSync(path)));
    }
    return { kind: 'json', ...result };
  }
  return { kind: 'json', ...(await validatePackage(readFileSync(file))) };
}

async function main(args: string[]): Promise<number> {
  const dev = args.includes('--dev');
  const argv = args.filter((a) => a !== '--dev');
  const files = argv.length ? argv : ['build/waymark.zip', ...(existsSync('build/waymark-addin.xml') ? ['build/waymark-addin.xml'] : [])];
  let failed = false;
  for (const file of files) {
    const r = await validateFile(file, dev);
    if (r.errors.length) {
      failed = true;
      for (const line of r.errors) console.error(files.length > 1 || r.kind === 'xml' ? `${file} ${line}` : line);
    } else if (r.kind === 'xml') {
      console.log(`${file}: structure ok (Office add-in manifest 1.1, TaskPaneApp)`);
    } else {
      console.log(`${files.length > 1 ? `${file}: ` : ''}valid against v${r.version}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
