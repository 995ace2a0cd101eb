// npm run build: compiles the bot and the CLI to JavaScript once, into dist/, so that the
// deployed bot starts with plain `node` (npm run start:prod) and no TypeScript compiler.
// Dependencies are bundled too, except PGlite (it loads its WebAssembly and data files from
// its own folder) and pg's optional native binding: resolving and reading thousands of small
// module files was most of a cold start (measured: ~35% faster to /healthz than with every
// package left external). node_modules is still deployed, for PGlite and the child process
// that initialises its data directory.
import { build } from 'esbuild';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Packages teams-ai and botbuilder-dialogs require at load for features the bot never uses (the
 * OpenAI planner's tokenizer; the number, date and choice prompts' recognisers): about 7 MB of
 * code, and ~28 MiB resident once evaluated. Each is bundled as usual but evaluated on first use:
 * the module the requirer gets is a proxy that loads the real one when a property is read.
 * `__esModule` (all of them are compiled ES modules) and the suite's `Culture` (botbuilder-dialogs
 * reads its constant culture codes at load; the suite re-exports them from
 * @microsoft/recognizers-text) are answered without loading.
 */
const LAZY = /^(?:@microsoft\/recognizers-text-(?:suite|number|choice|date-time)|gpt-tokenizer(?:\/.*)?)$/;
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: LAZY }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'real' });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy', pluginData: { specifier: args.path, resolveDir: args.resolveDir } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: args.pluginData.resolveDir,
      // The require() inside resolves to the real package (see onResolve).
      pluginData: 'real',
      loader: 'js',
      contents: `
let real;
const load = () => (real ??= require(${JSON.stringify(args.pluginData.specifier)}));
const early = ${args.pluginData.specifier === '@microsoft/recognizers-text-suite' ? `{ Culture: () => require('@microsoft/recognizers-text').Culture }` : '{}'};
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? true : real === undefined && early[key] ? early[key]() : load()[key]),
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});
`,
    }));
  },
};

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
  // Whitespace and comments out, identifiers kept (stack traces stay readable): V8 keeps every
  // script's source in the heap for as long as the process runs, and a single non-ASCII
  // character in a comment makes it store the whole 17 MB bundle as UTF-16 (measured: a 32 MiB
  // string at /healthz). Minified, the bundle is a third of the size and ASCII-only.
  minifyWhitespace: true,
  minifySyntax: true,
  // Licence comments go to a .LEGAL.txt beside each output, not into the source V8 keeps.
  legalComments: 'linked',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [lazyPackages],
  logLevel: 'warning',
});
// esbuild escapes non-ASCII characters in strings but leaves them in regular-expression literals
// (a few in dependencies and in core/). \uXXXX means the same character there, in a string and in
// an identifier, so every output is made ASCII-only and V8 stores its source one byte a character.
for (const out of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const text = await readFile(out, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  await writeFile(out, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
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
