// DESIGN.md: bot/teams/ alone imports teams-ai and botbuilder, so a transport swap touches one folder.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

  it('keeps workbook/ (shared by cli/ and bot/) free of teams-ai and botbuilder, through everything it imports', () => {
    const SDK = /from\s+['"](@microsoft\/teams-ai|botbuilder|botframework-[a-z-]+)['"]/;
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      if (SDK.test(text)) offenders.push(relative('.', file));
      for (const m of text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g)) visit(resolve(dirname(file), `${m[1]}.ts`));
    };
    for (const f of tsFiles('workbook')) visit(resolve(f));
    expect(seen.size).toBeGreaterThan(tsFiles('workbook').length);
    expect(offenders).toEqual([]);
  });

  it('names command files in kebab-case', () => {
    const bad = readdirSync('bot/commands').filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.test)?\.ts$/.test(f));
    expect(bad).toEqual([]);
  });
});
