// npm run build: compiles the bot and the CLI to JavaScript once, into dist/, so that the
// deployed bot starts with plain `node` (npm run start:prod) and no TypeScript compiler.
// Dependencies stay in node_modules (bundled code imports them as usual): PGlite's WebAssembly
// and the Bot Framework packages load their own files by path.
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
  packages: 'external',
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
