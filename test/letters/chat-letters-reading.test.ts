// Reading's letter in the chat, through the command path: a change of category (from the bot's
// history of workbook loads) suggests the letter confirming it, and the draft is a .docx about
// the school. A school whose category has not changed gets no suggestion.
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../meetings-bot/fakes.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

/** Thornbury Primary School (110057) was G, and is now C in the workbook. */
async function thornburyWasG(store: Harness['store']) {
  for (const [seq, code, at] of [[1, 'G', '2026-09-01T08:00:00Z'], [2, 'C', '2026-11-24T08:00:00Z']] as const) {
    await store.db.query(
      `INSERT INTO category_snapshots (school_urn, seq, school_name, officer_code, suggested_code, rationale, loaded_at) VALUES ('110057', $1, 'Thornbury Primary School', $2, $2, '', $3)`,
      [seq, code, at],
    );
  }
}

describe('Reading: the letter confirming a change of category', () => {
  it('is suggested with the change as its reason, and drafted as a .docx', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    await thornburyWasG(h.store);
    const which = await h.say('which letters for Thornbury Primary School');
    expect(which.command).toBe('which-letters');
    expect(which.reply.text).toContain('**Letter confirming a change of category** — the seed: 001 Reading');
    expect(which.reply.text).toContain('- "The school is placed in LA intervention (category R or C)": re-categorised from G Strengthening Good Schools to C Schools in a Category');
    expect(which.reply.suggestions).toEqual(['draft the category change letter for 110057']);

    const draft = await h.say('draft the category change letter for 110057');
    expect(draft.command).toBe('draft-letter');
    expect(draft.reply.text).toContain('Draft **Letter confirming a change of category** for Thornbury Primary School (URN 110057), dated 1 December 2026.');
    expect(draft.reply.file?.name).toBe('thornbury-primary-school-category-change-2026-12-01.docx');
    const xml = await (await JSZip.loadAsync(draft.reply.file!.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Thornbury Primary School');
    expect(xml).toContain('re-categorised from G Strengthening Good Schools to C Schools in a Category');
    expect(xml).toContain('Raising Achievement Plan');
  });

  it('is not suggested, nor drafted without "anyway", when the category has not changed', { timeout: 120_000 }, async () => {
    h = await harness();
    const which = await h.say('which letters for Parkside Infant School');
    expect(which.reply.text).toContain('No letter is suggested for Parkside Infant School (URN 110048)');
    const draft = await h.say('draft the category change letter for Parkside Infant School');
    expect(draft.reply.text).toMatch(/^I have not drafted it: no reason for a letter confirming a change of category to Parkside Infant School/);
    expect(draft.reply.file).toBeUndefined();
    // A Cambridgeshire letter is not this team's.
    const other = await h.say('draft the significant concerns letter for Parkside Infant School');
    expect(other.reply.text).toContain('the reading framework has no significant-concerns letter; its letters are: category-change');
    expect(other.reply.file).toBeUndefined();
  });
});
