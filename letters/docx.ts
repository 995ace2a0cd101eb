/**
 * Lays a letter draft (core/letters) out as a Word document with the `docx` package: the draft
 * notice, the addressee and date, the salutation, the paragraphs, the reasons and actions as
 * bullets, the closing, and the seed it comes from. Kept outside core: it builds files.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { format, parseISO } from 'date-fns';
import type { LetterDraft } from '../core/letters/index.js';

const plain = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 160 } });
const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 }, spacing: { after: 80 } });

/** The .docx bytes of `draft`. */
export async function letterDocx(draft: LetterDraft): Promise<Buffer> {
  const [lead, ...rest] = draft.paragraphs;
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: draft.draftNotice, bold: true, color: 'C00000' })], spacing: { after: 240 } }),
    new Paragraph({ text: draft.title, heading: HeadingLevel.HEADING_1, spacing: { after: 240 } }),
    ...draft.addressee.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({ children: [new TextRun(format(parseISO(draft.date), 'd MMMM yyyy'))], alignment: AlignmentType.RIGHT, spacing: { before: 240, after: 240 } }),
    plain(draft.salutation),
    ...(lead !== undefined ? [plain(lead)] : []),
    ...rest.map(plain),
    ...draft.reasons.map(bullet),
    ...(draft.actionsIntro ? [plain(draft.actionsIntro)] : []),
    ...draft.actions.map(bullet),
    ...draft.after.map(plain),
    ...draft.closing.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({ children: [new TextRun({ text: `Source: ${draft.source}`, italics: true, size: 16 })], spacing: { before: 480 } }),
  ];
  const doc = new Document({
    creator: 'Waymark',
    title: draft.title,
    description: draft.draftNotice,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
