/**
 * `npm run addin:build`: bundles the task pane for the browser into addin/dist (taskpane.html,
 * taskpane.js as one IIFE with core and zod inside, taskpane.css, help/privacy/terms pages and
 * the icons under assets/). Office.js itself stays on Microsoft's CDN, as Office requires.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { addinAssets } from '../manifest/build.js';
import { staticPages } from './pages.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.join(here, 'dist');

/**
 * zod's `z` namespace re-exports every locale (about 250 KB minified); Waymark's messages are
 * English, so the browser bundle gets the English locale only.
 */
const englishOnlyZod: Plugin = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-en' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

export interface BuildResult {
  readonly outDir: string;
  /** Bytes per file written. */
  readonly sizes: Record<string, number>;
}

export async function buildAddin(options: { outDir?: string; minify?: boolean } = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? DIST;
  await mkdir(path.join(outDir, 'assets'), { recursive: true });
  await build({
    entryPoints: [path.join(here, 'taskpane', 'main.ts')],
    outfile: path.join(outDir, 'taskpane.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [englishOnlyZod],
  });
  await copyFile(path.join(here, 'taskpane', 'taskpane.html'), path.join(outDir, 'taskpane.html'));
  await copyFile(path.join(here, 'taskpane', 'taskpane.css'), path.join(outDir, 'taskpane.css'));
  for (const [name, html] of Object.entries(staticPages)) await writeFile(path.join(outDir, name), html);
  // Icons: the ones `npm run package` generated, else drawn here by the manifest's own code.
  const built = path.join(here, '..', 'build', 'assets');
  let copied = false;
  try {
    const files = (await readdir(built)).filter((f) => f.endsWith('.png'));
    for (const f of files) await copyFile(path.join(built, f), path.join(outDir, 'assets', f));
    copied = files.length > 0;
  } catch {
    copied = false;
  }
  if (!copied) for (const a of addinAssets()) await writeFile(path.join(outDir, 'assets', a.name), a.data);

  const sizes: Record<string, number> = {};
  for (const f of ['taskpane.html', 'taskpane.js', 'taskpane.css']) sizes[f] = (await readFile(path.join(outDir, f))).length;
  return { outDir, sizes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outDir, sizes } = await buildAddin();
  const { gzipSync } = await import('node:zlib');
  const js = await readFile(path.join(outDir, 'taskpane.js'));
  console.log(`Built the task pane into ${path.relative(process.cwd(), outDir)}/`);
  for (const [f, n] of Object.entries(sizes)) console.log(`  ${f.padEnd(14)} ${(n / 1024).toFixed(1)} KiB`);
  console.log(`  taskpane.js gzipped: ${(gzipSync(js).length / 1024).toFixed(1)} KiB`);
}
