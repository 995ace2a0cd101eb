import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInFrameworks } from '../core/frameworks/index.js';
import { syntheticWorkbook } from './lib/synthetic.js';

/** Regenerates the example workbooks (one per built-in framework): `npm run examples`. */
const here = path.dirname(fileURLToPath(import.meta.url));
const LA: Record<string, string> = {
  reading: 'Reading Borough Council',
  southwark: 'Southwark Council',
  cambridgeshire: 'Cambridgeshire County Council',
  camden: 'Camden Learning',
  triborough: 'Tri-borough Education Service',
};

for (const [k, framework] of builtInFrameworks.entries()) {
  const wb = syntheticWorkbook({ framework, schools: 36, seed: 2026 + k, la: LA[framework.id] ?? framework.name });
  const file = path.join(here, `${framework.id}.xlsx`);
  await wb.xlsx.writeFile(file);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
