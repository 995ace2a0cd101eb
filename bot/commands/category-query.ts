/**
 * "What is St Mary's category?": finds the school and answers with its card, to those who may
 * see it. Officers see every school; a head sees their own school only, in a personal chat;
 * everyone else, and a head asking about anything else, gets the same refusal, which does
 * not say whether the school exists. Every question is written to the audit table first.
 */
import { categoryReply, chooseSchoolReply, notFoundReply, refusalReply } from '../../core/messages/categoryReply.js';
import { withNotice, workbookNotice } from '../../core/messages/workbookNotice.js';
import { findSchools } from '../../core/schools/findSchools.js';
import { parseCategoryQuestion } from '../../core/schools/parseQuestion.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import type { AuditOutcome, AuditRole } from '../store/store.js';
import type { Command, CommandContext, CommandInput, ConversationType, Reply, Role } from './types.js';

export interface Asker {
  readonly role: Role;
  /** Lower-cased e-mail / UPN; only consulted for guests. */
  readonly addresses: readonly string[];
  readonly conversation: ConversationType;
}

export interface Answer {
  readonly reply: Reply;
  readonly outcome: AuditOutcome;
  readonly auditRole: AuditRole;
  readonly schoolUrn?: string;
}

const sameAddress = (a: string | undefined, addresses: readonly string[]) =>
  a !== undefined && a.trim() !== '' && addresses.includes(a.trim().toLowerCase());

/**
 * The answer to a category question about `query`, for this asker, from this copy of the
 * directory. Pure: the handler below does the asking and the audit.
 */
export function answerCategoryQuestion(query: string, directory: DirectorySnapshot, asker: Asker): Answer {
  const match = findSchools(query, directory.index);
  const urn = match.kind === 'one' ? match.school.urn : undefined;
  const schoolUrn = urn !== undefined ? { schoolUrn: urn } : {};

  if (asker.role !== 'officer') {
    const own: SchoolRecord[] = directory.schools.filter((s) => sameAddress(s.headEmail, asker.addresses));
    const auditRole: AuditRole = own.length > 0 ? 'head' : 'guest';
    // A head's own school, in a personal chat where nobody else reads it. Nothing else.
    if (own.length > 0 && match.kind === 'one' && own.includes(match.school) && asker.conversation === 'personal') {
      return { reply: categoryReply(match.school), outcome: 'allowed', auditRole, ...schoolUrn };
    }
    return { reply: refusalReply, outcome: 'refused', auditRole, ...schoolUrn };
  }

  const notice = directory.error ? workbookNotice(directory.error, directory.loadedAt) : undefined;
  if (!directory.loadedAt) {
    const text = notice ?? 'The categorisation workbook has not been read yet; try again in a moment.';
    return { reply: { text }, outcome: 'not-found', auditRole: 'officer' };
  }
  switch (match.kind) {
    case 'one':
      return { reply: withNotice(categoryReply(match.school), notice), outcome: 'allowed', auditRole: 'officer', ...schoolUrn };
    case 'several':
      return { reply: withNotice(chooseSchoolReply(query, match.schools), notice), outcome: 'allowed', auditRole: 'officer' };
    case 'none':
      return { reply: withNotice(notFoundReply(query, match.closest), notice), outcome: 'not-found', auditRole: 'officer' };
  }
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const question = parseCategoryQuestion(input.text);
  if (!question) throw new Error('category-query: handle called for a message that is not a category question');
  const addresses = ctx.role === 'officer' ? [] : await ctx.askerAddresses();
  const answer = answerCategoryQuestion(question.school, ctx.directory.current(), {
    role: ctx.role,
    addresses,
    conversation: input.conversation.type,
  });
  // Recorded before anything is shown: if the audit cannot be written, nothing is revealed.
  await ctx.store.audit.record({
    actorId: input.user.aadObjectId ?? input.user.id,
    actorRole: answer.auditRole,
    command: categoryQuery.name,
    question: input.text,
    schoolUrn: answer.schoolUrn,
    outcome: answer.outcome,
    conversationType: input.conversation.type,
    at: ctx.now(),
  });
  return answer.reply;
}

export const categoryQuery: Command = {
  name: 'category-query',
  matches: (text) => parseCategoryQuestion(text) !== undefined,
  handle,
};
