import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildAddinXml, buildManifest, buildPackage, packageFiles } from '../../manifest/build.js';
import { ConfigError, DEV_APP_ID, loadConfig, type ManifestConfig } from '../../manifest/config.js';
import { colorIcon, outlineIcon } from '../../manifest/icons.js';
import { decodePng, encodePng, readPngHeader } from '../../manifest/png.js';
import { MANIFEST_VERSION, shippedVersions } from '../../manifest/schemas.js';
import { checkIcon, validateManifest, validatePackage } from '../../manifest/validation.js';
import { checkAddinXml, parseXml } from '../../manifest/xml.js';

const config = (env: Record<string, string> = {}): ManifestConfig => loadConfig({ env, defaultVersion: '0.1.0' });
const BOT_ID = '11111111-2222-4333-8444-555555555555';
const APP_ID = '66666666-7777-4888-9999-000000000000';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function configError(env: Record<string, string>): string {
  try {
    config(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('Teams app package', () => {
  it('uses the newest manifest schema shipped in @microsoft/app-manifest (at least 1.19)', () => {
    const versions = shippedVersions();
    expect(versions.at(-1)).toBe(MANIFEST_VERSION);
    expect(Number(MANIFEST_VERSION.split('.')[1])).toBeGreaterThanOrEqual(19);
  });

  it('builds a package that validates, with exactly manifest.json, color.png and outline.png', async () => {
    const zip = await buildPackage(config({ MicrosoftAppId: BOT_ID }));
    const result = await validatePackage(zip);
    expect(result.errors).toEqual([]);
    expect(result.version).toBe(MANIFEST_VERSION);
    const names = Object.keys((await JSZip.loadAsync(zip)).files).sort();
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('is deterministic', async () => {
    const a = await buildPackage(config());
    const b = await buildPackage(config());
    expect(a.equals(b)).toBe(true);
    expect(colorIcon().equals(colorIcon())).toBe(true);
  });

  it('declares the bot, its commands and the Excel add-in', () => {
    const m = buildManifest(config({ MicrosoftAppId: BOT_ID, WAYMARK_HOST_URL: 'https://waymark.example.org:8443/app/' })) as any;
    expect(m.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(m.bots[0].botId).toBe(BOT_ID);
    expect(m.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    // Letter drafts are offered as files in the personal chat (FileConsentCard).
    expect(m.bots[0].supportsFiles).toBe(true);
    expect(m.bots[0].commandLists[0].commands.map((c: any) => c.title)).toEqual(['category', 'meetings', 'help']);
    expect(m.bots[0].commandLists[0].commands.every((c: any) => c.description.length > 0)).toBe(true);
    const ext = m.extensions[0];
    expect(ext.requirements).toEqual({ scopes: ['workbook'], capabilities: [{ name: 'ExcelApi', minVersion: '1.9' }] });
    expect(ext.runtimes[0].code.page).toBe('https://waymark.example.org:8443/app/taskpane.html');
    const tab = ext.ribbons[0].tabs[0];
    expect(tab.builtInTabId).toBe('TabHome');
    expect(tab.groups[0].controls[0]).toMatchObject({ label: 'Waymark', type: 'button', actionId: ext.runtimes[0].actions[0].id });
    expect(ext.runtimes[0].actions[0].type).toBe('openPage');
    expect(m.validDomains).toEqual(['waymark.example.org:8443']);
    expect(validateManifest(m).errors).toEqual([]);
  });

  it('draws icons of the right size: colour opaque, outline white on transparent', () => {
    expect(readPngHeader(colorIcon())).toMatchObject({ width: 192, height: 192, colourType: 6 });
    expect(readPngHeader(outlineIcon())).toMatchObject({ width: 32, height: 32 });
    expect(checkIcon('color', 'color.png', colorIcon())).toEqual([]);
    expect(checkIcon('outline', 'outline.png', outlineIcon())).toEqual([]);
    const alpha = [...(decodePng(outlineIcon())?.rgba ?? [])].filter((_, i) => i % 4 === 3);
    expect(alpha.filter((a) => a === 255).length).toBeGreaterThan(100); // a solid mark
    expect(alpha.filter((a) => a === 0).length).toBeGreaterThan(400); // on a clear ground
  });
});

describe('broken manifests name the field', () => {
  const good = () => JSON.parse(JSON.stringify(buildManifest(config()))) as any;

  it('bad botId', () => {
    const m = good();
    m.bots[0].botId = 'not-a-guid';
    const { errors } = validateManifest(m);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/bots\/0\/botId: must match pattern "\^\[0-9a-fA-F\]\{8\}/);
  });

  it('missing command title, unknown property, bad enum, dangling actionId', () => {
    const m = good();
    delete m.bots[0].commandLists[0].commands[1].title;
    m.bots[0].colour = 'green';
    m.bots[0].scopes.push('everywhere');
    m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].actionId = 'Nope';
    const { errors } = validateManifest(m);
    expect(errors).toContain('/bots/0/commandLists/0/commands/1/title: is required but missing');
    expect(errors).toContain('/bots/0/colour: is not allowed here (no such property in the schema)');
    expect(errors).toContain('/bots/0/scopes/3: must be one of "team", "personal", "groupChat", "copilot"');
    expect(errors).toContain('/extensions/0/ribbons/0/tabs/0/groups/0/controls/0/actionId: "Nope" is not an action of any runtime');
  });

  it('old or unknown manifestVersion', () => {
    expect(validateManifest({ ...good(), manifestVersion: '1.16' }).errors[0]).toMatch(/^\/manifestVersion: must be 1\.19 or later/);
    expect(validateManifest({ ...good(), manifestVersion: '1.99' }).errors[0]).toMatch(/^\/manifestVersion: no schema for 1\.99/);
  });

  it('wrong icon size, non-white outline, extra or missing files', async () => {
    const files = Object.fromEntries(packageFiles(config()).map((f) => [f.name, f.data]));
    const small = await zipOf({ ...files, 'color.png': colorIcon(100) });
    expect((await validatePackage(small)).errors).toEqual(['/icons/color (color.png): must be 192x192 pixels (got 100x100)']);

    const red = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 1 || i % 4 === 2 ? 0 : 255));
    const solid = await zipOf({ ...files, 'outline.png': encodePng(32, 32, red) });
    expect((await validatePackage(solid)).errors[0]).toMatch(/^\/icons\/outline \(outline\.png\): must be white on transparent/);

    const extra = await zipOf({ ...files, 'readme.txt': 'hi' });
    expect((await validatePackage(extra)).errors[0]).toMatch(/^package: unexpected file readme\.txt/);
    const { 'outline.png': _gone, ...rest } = files;
    expect((await validatePackage(await zipOf(rest))).errors).toEqual([
      'package: outline.png is missing',
      '/icons/outline: outline.png is not in the package',
    ]);
  });
});

describe('configuration', () => {
  it('defaults to development values', () => {
    const c = config();
    expect(c.appId).toBe(DEV_APP_ID);
    expect(c.hostUrl).toBe('https://localhost:3000');
    expect(c.hostDomain).toBe('localhost:3000');
    expect(c.version).toBe('0.1.0');
    expect(config({ MicrosoftAppId: '' }).defaulted).toContain('MicrosoftAppId');
  });

  it('names the bad variable in one line', () => {
    expect(configError({ WAYMARK_APP_ID: 'abc' })).toBe(
      'WAYMARK_APP_ID: must be a GUID like 00000000-0000-0000-0000-000000000000 (got "abc")',
    );
    expect(configError({ MicrosoftAppId: '1234' })).toMatch(/^MicrosoftAppId: must be a GUID/);
    expect(configError({ WAYMARK_HOST_URL: 'http://localhost:3000' })).toBe('WAYMARK_HOST_URL: must use https:// (got "http://localhost:3000")');
    expect(configError({ WAYMARK_HOST_URL: 'localhost' })).toMatch(/^WAYMARK_HOST_URL: must be an https URL/);
    expect(configError({ WAYMARK_VERSION: '1.0' })).toMatch(/^WAYMARK_VERSION: must be a version like 1\.2\.3/);
    expect(configError({ WAYMARK_SHORT_NAME: 'x'.repeat(31) })).toMatch(/^WAYMARK_SHORT_NAME: must be at most 30 characters/);
    expect(configError({ WAYMARK_APP_ID: 'abc' }).split('\n')).toHaveLength(1);
  });

  it('reads a JSON file with the same keys; the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-manifest-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ MicrosoftAppId: BOT_ID, WAYMARK_HOST_URL: 'https://file.example.org', WAYMARK_VERSION: '2.0.0' }));
    const c = loadConfig({ env: { WAYMARK_MANIFEST_CONFIG: file, WAYMARK_VERSION: '2.1.0' } });
    expect([c.botId, c.hostUrl, c.version]).toEqual([BOT_ID, 'https://file.example.org', '2.1.0']);
    writeFileSync(file, JSON.stringify({ WAYMARK_HOST: 'https://x' }));
    expect(() => loadConfig({ env: {}, file })).toThrow('WAYMARK_HOST: unknown setting');
    writeFileSync(file, JSON.stringify({ MicrosoftAppId: 42 }));
    expect(() => loadConfig({ env: {}, file })).toThrow(/^MicrosoftAppId: must be a string/);
    writeFileSync(file, '{ nope');
    expect(() => loadConfig({ env: {}, file })).toThrow(/^WAYMARK_MANIFEST_CONFIG: cannot read .* as JSON/);
  });
});

describe('XML add-in manifest', () => {
  const xml = buildAddinXml(config({ WAYMARK_HOST_URL: 'https://waymark.example.org' }));

  it('is generated from the same values and passes the structural check', () => {
    expect(checkAddinXml(xml)).toEqual([]);
    const root = parseXml(xml);
    expect(root.children.find((c) => c.name === 'Id')?.text).toBe(DEV_APP_ID);
    expect(xml).toContain('<SourceLocation DefaultValue="https://waymark.example.org/taskpane.html"/>');
    expect(xml).toContain('DefaultValue="https://waymark.example.org/assets/icon-32.png"');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
  });

  it('fails when tampered with', () => {
    const noSource = xml.replace(/<SourceLocation DefaultValue="[^"]*taskpane.html"\/>\s*<\/DefaultSettings>/, '</DefaultSettings>');
    expect(checkAddinXml(noSource)).toEqual(['/OfficeApp/DefaultSettings/SourceLocation: is required but missing']);

    const badId = xml.replace(/<Id>[^<]*<\/Id>/, '<Id>waymark</Id>');
    expect(checkAddinXml(badId)).toEqual(['/OfficeApp/Id: must be a GUID (got "waymark")']);

    const swapped = xml.replace('<ProviderName>Waymark</ProviderName>', '').replace('<DefaultLocale>', '<ProviderName>Waymark</ProviderName><DefaultLocale>');
    expect(checkAddinXml(swapped)).toEqual([]); // ProviderName still before DefaultLocale
    const outOfOrder = xml.replace(/(<Permissions>[^<]*<\/Permissions>)/, '').replace('<Hosts>', '<Permissions>ReadWriteDocument</Permissions><Hosts>');
    expect(checkAddinXml(outOfOrder)[0]).toMatch(/^\/OfficeApp\/Hosts: is out of order/);

    expect(checkAddinXml(xml.replace('ReadWriteDocument', 'ReadDocument'))).toEqual([
      '/OfficeApp/Permissions: must be ReadWriteDocument (got "ReadDocument")',
    ]);
    expect(checkAddinXml(xml.replace('resid="Taskpane.Url"/>\n                  </Action>', 'resid="Nope"/>\n                  </Action>'))[0]).toMatch(
      /SourceLocation\/@resid: "Nope" is not defined in Resources/,
    );
  });

  it('rejects XML that is not well-formed, saying where', () => {
    expect(checkAddinXml(xml.replace('</Hosts>', '</Host>'))[0]).toMatch(/^not well-formed XML: \d+:\d+: <\/Host> does not match <Hosts>/);
    expect(checkAddinXml(xml.replace('Waymark</ProviderName>', 'Waymark & Co</ProviderName>'))[0]).toMatch(/not well-formed XML: .*entity/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate attribute x/);
    expect(() => parseXml('<a/><b/>')).toThrow(/content after the root element/);
    expect(parseXml('<?xml version="1.0"?><!-- c --><a b="&lt;&#65;"><![CDATA[<x>]]>&amp;</a>')).toMatchObject({
      name: 'a',
      attrs: { b: '<A' },
      text: '<x>&',
    });
  });
});

describe('command line', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const run = (script: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(tsx, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('validate: prints "valid against v1.xx" for a good package and exits 0; names fields and exits 1 otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-validate-'));
    writeFileSync(join(dir, 'good.zip'), await buildPackage(config()));
    const ok = run('manifest/validate.ts', ['--dev', join(dir, 'good.zip')]);
    expect(ok.stdout.trim()).toBe(`valid against v${MANIFEST_VERSION}`);
    expect(ok.status).toBe(0);
    // Without --dev, a package with the development ids and a localhost host is not valid.
    const dev = run('manifest/validate.ts', [join(dir, 'good.zip')]);
    expect(dev.status).toBe(1);
    expect(dev.stdout).not.toContain('valid');
    expect(dev.stderr).toMatch(/^WAYMARK_APP_ID: still the development placeholder/m);
    expect(dev.stderr).toMatch(/^MicrosoftAppId: still the development placeholder/m);
    expect(dev.stderr).toMatch(/^WAYMARK_HOST_URL: localhost:3000 is this machine/m);
    writeFileSync(join(dir, 'tenant.zip'), await buildPackage(config({ WAYMARK_APP_ID: APP_ID, MicrosoftAppId: BOT_ID, WAYMARK_HOST_URL: 'https://waymark-la.azurewebsites.net' })));
    const tenant = run('manifest/validate.ts', [join(dir, 'tenant.zip')]);
    expect(tenant.stdout.trim()).toBe(`valid against v${MANIFEST_VERSION}`);
    expect(tenant.status).toBe(0);

    const m = buildManifest(config()) as any;
    m.bots[0].botId = 'bot';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    writeFileSync(join(dir, 'color.png'), colorIcon(64));
    const bad = run('manifest/validate.ts', [join(dir, 'manifest.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^\/bots\/0\/botId: must match pattern/m);
    expect(bad.stderr).toContain('/icons/color (color.png): must be 192x192 pixels (got 64x64)');
  }, 30_000);

  it('package: a bad variable gives one line naming it and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-package-'));
    const r = run('manifest/package.ts', ['--out', dir], { WAYMARK_HOST_URL: 'http://insecure.example.org' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('WAYMARK_HOST_URL: must use https:// (got "http://insecure.example.org")');
    const good = run('manifest/package.ts', ['--out', dir], { WAYMARK_APP_ID: APP_ID, MicrosoftAppId: BOT_ID, WAYMARK_HOST_URL: 'https://waymark-la.azurewebsites.net' });
    expect(good.status).toBe(0);
    expect(checkAddinXml(readFileSync(join(dir, 'waymark-addin.xml'), 'utf8'))).toEqual([]);
  }, 30_000);

  it('package: refuses placeholder ids and a localhost host unless --dev, naming each value and where to set it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-package-'));
    const env = { WAYMARK_APP_ID: '', MicrosoftAppId: '', WAYMARK_HOST_URL: '', WAYMARK_MANIFEST_CONFIG: '' };
    const r = run('manifest/package.ts', ['--out', dir], env);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['WAYMARK_APP_ID', 'MicrosoftAppId', 'WAYMARK_HOST_URL', 'No package written. For a package to sideload while developing, run']);
    expect(lines[0]).toContain('env/.env.dev');
    expect(existsSync(join(dir, 'waymark.zip'))).toBe(false);
    const dev = run('manifest/package.ts', ['--out', dir, '--dev'], env);
    expect(dev.status).toBe(0);
    expect(dev.stdout).toContain('--dev: development package');
    expect(existsSync(join(dir, 'waymark.zip'))).toBe(true);
  }, 60_000);
});
