// Creates a PGlite data directory and exits. Run in a child process by openPgliteDb: the
// first start (initdb) leaves ~500 MiB of WebAssembly memory the process can never give back,
// so it is done in a process that then ends.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: pglite-init.js <data-dir>\n');
  process.exit(2);
}
const db = new PGlite(dir);
await db.waitReady;
await db.close();
