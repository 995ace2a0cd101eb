import { exitChecklistLines, type ExitChecklist } from '../../cycle/exitCriteria/index.js';
import type { Meeting } from '../types.js';
import { school, when } from './_words.js';

export interface AgendaTextOptions {
  /** The LA's own agenda items, replacing the meeting type's (which come from the seeds). */
  readonly agenda?: readonly string[];
  /** Leave out the purposes block. Default: shown when the meeting type has purposes. */
  readonly purposes?: boolean;
  /** The school's exit criteria and which are met (Reading's RAP meetings), listed after the items. */
  readonly exitCriteria?: ExitChecklist;
}

/**
 * The agenda posted to the team channel and sent to each member: meeting, school, date and
 * time, chair, members, the purposes, then the numbered agenda items. The items are the
 * meeting type's (Camden's initial and subsequent project-board agendas verbatim; Reading's
 * RAP derived from its purposes; Cambridgeshire's LAIG) unless the LA gives its own.
 * A confidential meeting (LAIG) says so at the top. A RAP school's exit criteria, with the
 * officer's ticks, close the agenda when given: the seed makes them the aim of every review.
 *
 * @example
 * agendaText(meeting)
 * //=> 'Agenda: RAP review meeting\nOakfield Primary School (URN 100001)\nTuesday 12 January 2027 at 10:00\n…\n1. Headteacher's evidence of progress …'
 * agendaText(meeting, { agenda: ['Welcome', 'RAP progress', 'Next steps'] }) // the LA's own items
 */
export function agendaText(meeting: Meeting, options: AgendaTextOptions = {}): string {
  const type = meeting.type;
  const items = options.agenda && options.agenda.length > 0 ? options.agenda : type.agenda;
  const lines = [
    `Agenda: ${type.name}`,
    school(meeting),
    when(meeting),
    ...(type.confidential ? ['Confidential: for members of the meeting only.'] : []),
    '',
    `Chair: ${type.chair}`,
    `Members: ${type.members.join('; ')}`,
  ];
  if ((options.purposes ?? true) && type.purposes.length > 0) {
    lines.push('', 'Purposes:', ...type.purposes.map((p) => `- ${p}`));
  }
  lines.push('', 'Agenda:', ...items.map((item, i) => `${i + 1}. ${item}`));
  if (options.exitCriteria) lines.push('', ...exitChecklistLines(options.exitCriteria));
  return lines.join('\n');
}
