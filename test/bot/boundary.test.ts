// DESIGN.md: bot/teams/ alone imports teams-ai and botbuilder, so a transport swap touches one folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('SDK boundary', () => {
  it('keeps @microsoft/teams-ai and botbuilder imports inside bot/teams/', () => {
    const offenders = tsFiles('bot')
      .filter((f) => !relative('bot', f).startsWith('teams'))
      .filter((f) => /from\s+['"](@microsoft\/teams-ai|botbuilder|botframework-[a-z-]+)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('names command files in kebab-case', () => {
    const bad = readdirSync('bot/commands').filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.test)?\.ts$/.test(f));
    expect(bad).toEqual([]);
  });
});
