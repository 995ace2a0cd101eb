/**
 * Builds the Teams app package (unified manifest: bot + Excel add-in) and the XML add-in-only
 * manifest from one ManifestConfig.
 */
import JSZip from 'jszip';
import type { ManifestConfig } from './config.js';
import { ACCENT_COLOUR, colorIcon, outlineIcon } from './icons.js';
import { MANIFEST_VERSION, schemaUrl } from './schemas.js';

export const TASKPANE_PATH = '/taskpane.html';
export const ADDIN_ICON_SIZES = [16, 32, 64, 80] as const;
const SHOW_TASKPANE = 'ShowWaymarkTaskPane';

const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;

export const BOT_COMMANDS = [
  { title: 'category', description: 'category <school or URN>: current category, suggested category and why' },
  { title: 'meetings', description: 'meetings [school]: upcoming categorisation meetings and their deadlines' },
  { title: 'help', description: 'What Waymark can do and how to ask' },
] as const;

const SHORT_DESCRIPTION = 'School categorisation for local-authority school improvement teams.';
const FULL_DESCRIPTION =
  'Waymark helps a local authority school improvement team run its categorisation cycle in Teams and Excel. ' +
  'Ask the bot for a school\'s category, its suggested category and the reasons, and the meetings due; ' +
  'in Excel, the Waymark task pane RAG-rates the categorisation workbook without changing any value the team typed.';

const iconUrl = (c: ManifestConfig, size: number) => `${c.hostUrl}/assets/icon-${size}.png`;

/** The unified app manifest (manifest.json). */
export function buildManifest(c: ManifestConfig): Record<string, unknown> {
  const ribbonIcons = [16, 32, 80].map((size) => ({ size, url: iconUrl(c, size) }));
  return {
    $schema: schemaUrl(MANIFEST_VERSION),
    manifestVersion: MANIFEST_VERSION,
    version: c.version,
    id: c.appId,
    developer: {
      name: c.developerName,
      websiteUrl: `${c.hostUrl}/`,
      privacyUrl: `${c.hostUrl}/privacy.html`,
      termsOfUseUrl: `${c.hostUrl}/terms.html`,
    },
    name: { short: c.shortName, full: c.fullName },
    description: { short: SHORT_DESCRIPTION, full: FULL_DESCRIPTION },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT_COLOUR,
    bots: [
      {
        botId: c.botId,
        scopes: [...BOT_SCOPES],
        isNotificationOnly: false,
        // Letter drafts reach the officer as files (FileConsentCard, personal chat only).
        supportsFiles: true,
        supportsCalling: false,
        supportsVideo: false,
        commandLists: [{ scopes: [...BOT_SCOPES], commands: BOT_COMMANDS.map((cmd) => ({ ...cmd })) }],
      },
    ],
    extensions: [
      {
        requirements: { scopes: ['workbook'], capabilities: [{ name: 'ExcelApi', minVersion: '1.9' }] },
        runtimes: [
          {
            requirements: { capabilities: [{ name: 'AddinCommands', minVersion: '1.1' }] },
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: `${c.hostUrl}${TASKPANE_PATH}` },
            lifetime: 'short',
            actions: [{ id: SHOW_TASKPANE, type: 'openPage' }],
          },
        ],
        ribbons: [
          {
            tabs: [
              {
                builtInTabId: 'TabHome',
                groups: [
                  {
                    id: 'WaymarkGroup',
                    label: c.shortName,
                    icons: ribbonIcons,
                    controls: [
                      {
                        id: 'WaymarkTaskPaneButton',
                        type: 'button',
                        label: 'Waymark',
                        icons: ribbonIcons,
                        supertip: { title: 'Waymark', description: 'Open Waymark to RAG-rate this categorisation workbook.' },
                        actionId: SHOW_TASKPANE,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    authorization: {
      permissions: { resourceSpecific: [{ name: 'Document.ReadWrite.User', type: 'Delegated' }] },
    },
    validDomains: [c.hostDomain],
  };
}

/** The package files, in a fixed order, with fixed timestamps: same config, same bytes. */
export function packageFiles(c: ManifestConfig): { name: string; data: Buffer }[] {
  return [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(buildManifest(c), null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: colorIcon(192) },
    { name: 'outline.png', data: outlineIcon(32) },
  ];
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

export async function buildPackage(c: ManifestConfig): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of packageFiles(c)) zip.file(f.name, f.data, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/** Icons the add-in serves under {hostUrl}/assets/ (referenced by both manifests). */
export function addinAssets(): { name: string; data: Buffer }[] {
  return ADDIN_ICON_SIZES.map((size) => ({ name: `icon-${size}.png`, data: colorIcon(size) }));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The add-in-only XML manifest (Office add-in manifest 1.1, TaskPaneApp). */
export function buildAddinXml(c: ManifestConfig): string {
  const u = (p: string) => esc(`${c.hostUrl}${p}`);
  const xmlVersion = `${c.version}.0`;
  const images = [16, 32, 80].map((s) => `<bt:Image size="${s}" resid="Icon.${s}x${s}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${esc(c.appId)}</Id>
  <Version>${esc(xmlVersion)}</Version>
  <ProviderName>${esc(c.developerName)}</ProviderName>
  <DefaultLocale>en-GB</DefaultLocale>
  <DisplayName DefaultValue="${esc(c.shortName)}"/>
  <Description DefaultValue="${esc(SHORT_DESCRIPTION)}"/>
  <IconUrl DefaultValue="${u('/assets/icon-32.png')}"/>
  <HighResolutionIconUrl DefaultValue="${u('/assets/icon-64.png')}"/>
  <SupportUrl DefaultValue="${u('/help.html')}"/>
  <AppDomains>
    <AppDomain>${esc(new URL(c.hostUrl).origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.9"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${u(TASKPANE_PATH)}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Help.Url"/>
          </GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Waymark.Group">
                <Label resid="Group.Label"/>
                <Icon>${images}</Icon>
                <Control xsi:type="Button" id="Waymark.TaskpaneButton">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>${images}</Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>WaymarkTaskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${u('/assets/icon-16.png')}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${u('/assets/icon-32.png')}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${u('/assets/icon-80.png')}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${u(TASKPANE_PATH)}"/>
        <bt:Url id="Help.Url" DefaultValue="${u('/help.html')}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="Waymark is ready"/>
        <bt:String id="Group.Label" DefaultValue="${esc(c.shortName)}"/>
        <bt:String id="Button.Label" DefaultValue="Waymark"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Open Waymark from the Home tab to RAG-rate your categorisation workbook."/>
        <bt:String id="Button.Tooltip" DefaultValue="Open Waymark to RAG-rate this categorisation workbook."/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
