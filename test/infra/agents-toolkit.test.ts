// The Agents Toolkit project and its Bicep, checked offline: both yml files against the
// toolkit's published yml schema (vendored in infra/schema), the Bicep's resources, parameters
// and outputs against what the yml and the parameters file refer to, and every environment
// variable the bot reads provided by the infra or documented as the admin's.
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../bot/config.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const read = (file: string) => readFileSync(file, 'utf8');
const schema = JSON.parse(read('infra/schema/m365agents.yaml.schema.v1.13.json')) as object;

function validateYml(file: string): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const doc = parse(read(file)) as unknown;
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A small Bicep reader: comments and strings stripped for the bracket check; declarations by line. */
function readBicep(text: string) {
  const code = text
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''");
  const stack: string[] = [];
  const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  for (const ch of code) {
    if ('{[('.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) throw new Error(`unbalanced ${ch}`);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join('')}`);
  const resources = new Map<string, string>();
  for (const m of text.matchAll(/^resource (\w+) '([^'@]+)@(\d{4}-\d{2}-\d{2}(?:-preview)?)' = /gm)) resources.set(m[1]!, m[2]!);
  const params = new Map<string, boolean>();
  for (const m of text.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)) params.set(m[1]!, m[3] !== undefined);
  const outputs = [...text.matchAll(/^output (\w+) \w+ = /gm)].map((m) => m[1]!);
  const appSettings = [...text.matchAll(/\{ name: '([^']+)', value: /g)].map((m) => m[1]!);
  const symbols = [...resources.keys(), ...params.keys()];
  return { resources, params, outputs, appSettings, symbols, code };
}

const bicep = readBicep(read('infra/azure.bicep'));
const placeholders = (text: string) => new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
const envFile = (file: string) => new Set([...read(file).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));

describe('Agents Toolkit project', () => {
  it.each(['m365agents.yml', 'm365agents.local.yml'])('%s validates against the toolkit yml schema v1.13', (file) => {
    expect(validateYml(file)).toEqual([]);
  });

  it('the schema check can fail: an unknown action or a missing argument is reported', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ version: 'v1.13', deploy: [{ uses: 'azureAppService/zipDeploy', with: { artifactFolder: '.' } }] })).toBe(false);
    expect(validate({ version: 'v1.13', provision: [{ uses: 'teamsApp/launchRockets', with: {} }] })).toBe(false);
  });

  it('provision deploys the Bicep, builds the package from its outputs, and deploy zip-deploys the compiled bot', () => {
    const yml = parse(read('m365agents.yml')) as { provision: { uses: string; with: Record<string, unknown>; env?: Record<string, string> }[]; deploy: { uses: string; with: Record<string, unknown> }[]; publish: { uses: string }[] };
    expect(yml.provision.map((a) => a.uses)).toEqual(['teamsApp/create', 'arm/deploy', 'cli/runNpmCommand', 'teamsApp/validateAppPackage', 'teamsApp/update']);
    const arm = yml.provision[1]!.with as { templates: { path: string; parameters: string }[] };
    expect(arm.templates[0]).toMatchObject({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' });
    expect(yml.provision[2]!.with.args).toBe('run package -- --out build');
    expect(yml.deploy.map((a) => a.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(yml.deploy[1]!.with.args).toBe('run build');
    expect(yml.publish.map((a) => a.uses)).toContain('teamsApp/publishAppPackage');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toMatch(/^node .*dist\/bot\/main\.js$/);
    expect(bicep.code).toBeTruthy();
  });

  it('the Bicep parses into the resources the deployment needs', () => {
    expect(new Set(bicep.resources.values())).toEqual(
      new Set([
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Insights/components',
        'Microsoft.DBforPostgreSQL/flexibleServers',
        'Microsoft.DBforPostgreSQL/flexibleServers/databases',
        'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
      ]),
    );
    const text = read('infra/azure.bicep');
    expect(text).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(text).toContain("healthCheckPath: '/healthz'");
    expect(text).toContain('alwaysOn: true');
    expect(text).toContain("msaAppType: 'UserAssignedMSI'");
    expect(text).toContain("channelName: 'MsTeamsChannel'");
    expect(text).toMatch(/name: 'DATABASE_URL', value: '@Microsoft\.KeyVault\(SecretUri=\$\{databaseUrl\.properties\.secretUri\}\)'/);
    expect(text).toMatch(/@allowed\(\[\s*'1'\s*'2'\s*\]\)\s*param instanceCount/);
    // Every identifier used as `x.` is declared.
    for (const m of bicep.code.matchAll(/\b([a-z]\w*)\.(?:id|name|properties)\b/g)) expect(bicep.symbols).toContain(m[1]);
  });

  it('parameters and outputs match: the parameters file names only Bicep params and fills every one without a default; the yml uses only outputs, toolkit values or env file values', () => {
    const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> };
    for (const name of Object.keys(parameters.parameters)) expect([...bicep.params.keys()]).toContain(name);
    for (const [name, hasDefault] of bicep.params) if (!hasDefault) expect(Object.keys(parameters.parameters)).toContain(name);

    const toolkit = new Set(['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'TEAMS_APP_TENANT_ID']);
    const dev = envFile('env/.env.dev');
    const written = new Set(['TEAMS_APP_ID', 'TEAMS_APP_PUBLISHED_APP_ID', ...bicep.outputs]);
    for (const name of [...placeholders(read('m365agents.yml')), ...placeholders(read('infra/azure.parameters.json'))]) {
      const known = toolkit.has(name) || written.has(name) || dev.has(name) || name.startsWith('SECRET_');
      expect(known, `${name} comes from nowhere`).toBe(true);
    }
    for (const output of ['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_ENDPOINT']) expect(bicep.outputs).toContain(output);
    // Templates, not secrets.
    for (const file of ['env/.env.dev', 'env/.env.local']) expect(read(file)).not.toMatch(/^SECRET_\w+=\S/m);
  });

  it('every environment variable the bot reads is set by the infra or documented as the admin’s in the README', () => {
    const readme = read('README.md');
    const deploy = readme.slice(readme.indexOf('## Deploy to your tenant'));
    expect(deploy.length).toBeGreaterThan(100);
    const section = deploy.slice(0, deploy.indexOf('\n## ', 5) === -1 ? undefined : deploy.indexOf('\n## ', 5));
    const missing = CONFIG_VARIABLES.filter((v) => !bicep.appSettings.includes(v) && !section.includes(`\`${v}\``));
    expect(missing).toEqual([]);
  });
});
