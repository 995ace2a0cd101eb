/**
 * "What is St Mary's category?": finds the school and answers with its card, to those who may
 * see it. Officers see every school, but only where only the improvement team reads the answer:
 * a personal chat or a channel of WAYMARK_TEAM_ID (anywhere in local mode); elsewhere (a group
 * chat with heads, another team's channel) they are asked to ask there instead. A head sees
 * their own school only, in a personal chat; everyone else, and a head asking about anything
 * else, gets the same refusal, which does not say whether the school exists. Every question
 * is written to the audit table first.
 */
import { categoryReply, chooseSchoolReply, notFoundReply, refusalReply } from '../../core/messages/categoryReply.js';
import { withNotice, workbookNotice } from '../../core/messages/workbookNotice.js';
import { findSchools } from '../../core/schools/findSchools.js';
import { parseCategoryQuestion } from '../../core/schools/parseQuestion.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { rememberSchool } from '../history/history.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import type { AuditOutcome, AuditRole } from '../store/store.js';
import { NOT_HERE, placeOf, TEAM_ONLY, type AccessRule } from './access.js';
import type { Command, CommandContext, CommandInput, ConversationType, Reply, Role } from './types.js';

export interface Asker {
  readonly role: Role;
  /** URNs of the schools an officer confirmed this account as head of; only consulted for guests. */
  readonly headOf: readonly string[];
  readonly conversation: ConversationType;
  /**
   * True when only the asker or the improvement team reads this conversation: a personal chat,
   * a channel of WAYMARK_TEAM_ID, or anywhere in local mode. Officers are answered only here.
   */
  readonly teamOnly: boolean;
}

/** An officer asking where others may read the answer; says nothing about the school. */
export const OFFICER_ELSEWHERE: Reply = NOT_HERE;

/** Officers where only the team reads it; a head (their own school, checked below) in a 1:1 chat. */
const ACCESS: AccessRule = { officer: TEAM_ONLY, head: ['personal'], anyone: [], refusal: refusalReply };

export interface Answer {
  readonly reply: Reply;
  readonly outcome: AuditOutcome;
  readonly auditRole: AuditRole;
  readonly schoolUrn?: string;
}

/**
 * The answer to a category question about `query`, for this asker, from this copy of the
 * directory. Pure: the handler below does the asking and the audit.
 */
export function answerCategoryQuestion(query: string, directory: DirectorySnapshot, asker: Asker): Answer {
  const match = findSchools(query, directory.index);
  const urn = match.kind === 'one' ? match.school.urn : undefined;
  const schoolUrn = urn !== undefined ? { schoolUrn: urn } : {};

  if (asker.role !== 'officer') {
    const own: SchoolRecord[] = directory.schools.filter((s) => s.urn !== undefined && asker.headOf.includes(s.urn));
    const auditRole: AuditRole = own.length > 0 ? 'head' : 'guest';
    // A head's own school, in a personal chat where nobody else reads it. Nothing else.
    if (own.length > 0 && match.kind === 'one' && own.includes(match.school) && asker.conversation === 'personal') {
      return { reply: categoryReply(match.school), outcome: 'allowed', auditRole, ...schoolUrn };
    }
    return { reply: refusalReply, outcome: 'refused', auditRole, ...schoolUrn };
  }

  if (!asker.teamOnly) return { reply: OFFICER_ELSEWHERE, outcome: 'refused', auditRole: 'officer', ...schoolUrn };

  const notices = [directory.error ? workbookNotice(directory.error, directory.loadedAt) : undefined, directory.warning].filter((n) => n !== undefined);
  const notice = notices.length > 0 ? notices.join('\n\n') : undefined;
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

/** A personal chat, a channel of WAYMARK_TEAM_ID (bot/teams reports its id as configured), or local mode. */
const readOnlyByTeam = (input: CommandInput, ctx: CommandContext): boolean => TEAM_ONLY.includes(placeOf(input, ctx.config));

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const question = parseCategoryQuestion(input.text);
  if (!question) throw new Error('category-query: handle called for a message that is not a category question');
  const headOf = ctx.role === 'officer' ? [] : ((await ctx.headOf?.()) ?? []);
  const answer = answerCategoryQuestion(question.school, ctx.directory.current(), {
    role: ctx.role,
    headOf,
    conversation: input.conversation.type,
    teamOnly: readOnlyByTeam(input, ctx),
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
  // "and why?" next: the conversation's last school (officers only; heads have one school).
  if (answer.outcome === 'allowed' && answer.auditRole === 'officer' && answer.schoolUrn) {
    await rememberSchool(ctx.store.db, input.conversation.id, answer.schoolUrn, ctx.now());
  }
  return answer.reply;
}

export const categoryQuery: Command = {
  name: 'category-query',
  matches: (text) => parseCategoryQuestion(text) !== undefined,
  access: ACCESS,
  handle,
};
