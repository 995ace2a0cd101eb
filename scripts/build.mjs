// npm run build: compiles the bot and the CLI to JavaScript once, into dist/, so that the
// deployed bot starts with plain `node` (npm run start:prod) and no TypeScript compiler.
// Dependencies are bundled too, except PGlite (it loads its WebAssembly and data files from
// its own folder) and pg's optional native binding: resolving and reading thousands of small
// module files was most of a cold start (measured: ~35% faster to /healthz than with every
// package left external). node_modules is still deployed, for PGlite and the child process
// that initialises its data directory.
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const started = performance.now();
await rm('dist', { recursive: true, force: true });
const entries = { 'bot/main': 'bot/main.ts', 'cli/rate': 'cli/rate.ts', 'cli/plan': 'cli/plan.ts' };
const result = await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  external: ['@electric-sql/pglite', 'pg-native'],
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: { js: "import { createRequire as __waymarkRequire } from 'node:module'; const require = __waymarkRequire(import.meta.url);" },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
// The embedded database's first start runs this script in a child process: bot/store/db.ts
// looks for it beside the code that loads it, which is whichever output file holds db.ts.
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
let copied = 0;
for (const out of outputs) {
  if (!Object.keys(result.metafile.outputs[out].inputs).includes('bot/store/db.ts')) continue;
  await copyFile('bot/store/pglite-init.js', join(dirname(out), 'pglite-init.js'));
  copied++;
}
if (copied === 0) throw new Error('build: bot/store/db.ts is in no output file; pglite-init.js has nowhere to go');
console.log(`built ${outputs.length} files into dist/ in ${Math.round(performance.now() - started)} ms: node dist/bot/main.js (bot), node dist/cli/rate.js (CLI)`);
