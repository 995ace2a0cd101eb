/**
 * Offline validation of the Teams app package: the manifest against the JSON schema shipped in
 * @microsoft/app-manifest (draft-04, via ajv-draft-04), cross-references the schema cannot
 * express, icon sizes and transparency from the PNG bytes, and the zip's file list.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import JSZip from 'jszip';
import { decodePng, readPngHeader } from './png.js';
import { loadSchema, shippedVersions } from './schemas.js';

const Ajv = AjvModule.default;

export interface ValidationResult {
  /** manifestVersion the manifest declares, if any. */
  version: string | undefined;
  /** One line per problem, each starting with the JSON pointer or file it is about. */
  errors: string[];
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction | undefined {
  const cached = compiled.get(version);
  if (cached) return cached;
  const schema = loadSchema(version);
  if (!schema) return undefined;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(s) });
  const fn = ajv.compile(schema);
  compiled.set(version, fn);
  return fn;
}

export function formatAjvError(e: ErrorObject): string {
  let path = e.instancePath || '';
  let message = e.message ?? 'is invalid';
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    path = `${path}/${String(p.missingProperty)}`;
    message = 'is required but missing';
  } else if (e.keyword === 'additionalProperties') {
    path = `${path}/${String(p.additionalProperty)}`;
    message = 'is not allowed here (no such property in the schema)';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'const') {
    message = `must be ${JSON.stringify(p.allowedValue)}`;
  }
  return `${path || '/'}: ${message}`;
}

/** Schema + cross-reference checks of a parsed manifest.json. */
export function validateManifest(manifest: unknown): ValidationResult {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { version: undefined, errors: ['/: the manifest must be a JSON object'] };
  }
  const m = manifest as Record<string, any>;
  const version = typeof m.manifestVersion === 'string' ? m.manifestVersion : undefined;
  if (!version) return { version, errors: ['/manifestVersion: is required but missing'] };
  const minor = /^1\.(\d+)$/.exec(version)?.[1];
  if (minor === undefined || Number(minor) < 19) {
    return { version, errors: [`/manifestVersion: must be 1.19 or later for a bot with an Office add-in (got "${version}")`] };
  }
  const validate = validatorFor(version);
  if (!validate) {
    return { version, errors: [`/manifestVersion: no schema for ${version} in @microsoft/app-manifest (shipped: ${shippedVersions().join(', ')})`] };
  }
  const errors: string[] = [];
  if (!validate(manifest)) {
    // anyOf/oneOf branches repeat their children's errors; keep each line once.
    for (const line of new Set((validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').map(formatAjvError))) {
      errors.push(line);
    }
  }
  if (typeof m.$schema === 'string' && !m.$schema.includes(`/v${version}/`)) {
    errors.push(`/$schema: must point at the v${version} schema to match manifestVersion`);
  }
  // Cross-references the schema cannot express.
  const ext = Array.isArray(m.extensions) ? m.extensions : [];
  ext.forEach((x: any, i: number) => {
    const actions = new Set<string>();
    (x?.runtimes ?? []).forEach((r: any) => (r?.actions ?? []).forEach((a: any) => actions.add(a?.id)));
    (x?.ribbons ?? []).forEach((rb: any, j: number) =>
      (rb?.tabs ?? []).forEach((t: any, k: number) =>
        (t?.groups ?? []).forEach((g: any, l: number) =>
          (g?.controls ?? []).forEach((c: any, n: number) => {
            if (c?.actionId !== undefined && !actions.has(c.actionId)) {
              errors.push(`/extensions/${i}/ribbons/${j}/tabs/${k}/groups/${l}/controls/${n}/actionId: "${c.actionId}" is not an action of any runtime`);
            }
          }),
        ),
      ),
    );
  });
  (Array.isArray(m.validDomains) ? m.validDomains : []).forEach((d: unknown, i: number) => {
    if (typeof d === 'string' && /^[a-z]+:\/\//i.test(d)) errors.push(`/validDomains/${i}: must be a domain without a scheme (got "${d}")`);
  });
  (Array.isArray(m.bots) ? m.bots : []).forEach((b: any, i: number) =>
    (b?.commandLists ?? []).forEach((l: any, j: number) => {
      const titles = (l?.commands ?? []).map((c: any) => c?.title);
      titles.forEach((t: unknown, k: number) => {
        if (typeof t === 'string' && titles.indexOf(t) !== k) errors.push(`/bots/${i}/commandLists/${j}/commands/${k}/title: duplicate command "${t}"`);
      });
    }),
  );
  return { version, errors };
}

export const ICON_RULES = {
  color: { size: 192, label: 'color' },
  outline: { size: 32, label: 'outline' },
} as const;

/** Size and transparency rules for the two Teams icons, from the PNG bytes. */
export function checkIcon(kind: keyof typeof ICON_RULES, file: string, png: Uint8Array): string[] {
  const where = `/icons/${kind} (${file})`;
  let header;
  try {
    header = readPngHeader(png);
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
  const { size } = ICON_RULES[kind];
  if (header.width !== size || header.height !== size) {
    return [`${where}: must be ${size}x${size} pixels (got ${header.width}x${header.height})`];
  }
  let decoded;
  try {
    decoded = decodePng(png);
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
  if (!decoded) return []; // palette or 16-bit: size checked, pixels not
  const { rgba } = decoded;
  const errors: string[] = [];
  if (kind === 'color') {
    for (let i = 3; i < rgba.length; i += 4) {
      if (rgba[i] !== 255) {
        errors.push(`${where}: must be fully opaque (pixel ${((i - 3) / 4) % size},${Math.floor((i - 3) / 4 / size)} is transparent)`);
        break;
      }
    }
  } else {
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const a = rgba[i + 3] as number;
      if (a === 0) transparent += 1;
      else {
        opaque += 1;
        if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) {
          errors.push(`${where}: must be white on transparent (pixel ${(i / 4) % size},${Math.floor(i / 4 / size)} is not white)`);
          break;
        }
      }
    }
    if (transparent === 0) errors.push(`${where}: must have a transparent background`);
    if (opaque === 0) errors.push(`${where}: is empty (no visible pixels)`);
  }
  return errors;
}

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** Validates an app package zip: exact file list, manifest, and icons. */
export async function validatePackage(zipBytes: Uint8Array): Promise<ValidationResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (e) {
    return { version: undefined, errors: [`package: not a zip file (${(e as Error).message})`] };
  }
  const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  const errors: string[] = [];
  for (const n of names) if (!(PACKAGE_FILES as readonly string[]).includes(n)) errors.push(`package: unexpected file ${n} (the package must hold exactly ${PACKAGE_FILES.join(', ')} at its root)`);
  for (const n of PACKAGE_FILES) if (!names.includes(n)) errors.push(`package: ${n} is missing`);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) return { version: undefined, errors };
  let manifest: unknown;
  try {
    manifest = JSON.parse((await manifestFile.async('string')).replace(/^\uFEFF/, ''));
  } catch (e) {
    return { version: undefined, errors: [...errors, `manifest.json: not valid JSON (${(e as Error).message})`] };
  }
  const result = validateManifest(manifest);
  errors.push(...result.errors);
  const icons = (manifest as { icons?: Record<string, unknown> }).icons ?? {};
  for (const kind of ['color', 'outline'] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') continue;
    const entry = zip.file(file);
    if (!entry) {
      errors.push(`/icons/${kind}: ${file} is not in the package`);
      continue;
    }
    errors.push(...checkIcon(kind, file, await entry.async('uint8array')));
  }
  return { version: result.version, errors };
}
