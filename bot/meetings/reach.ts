/**
 * Who a meeting's messages can reach now, and how: asked of the scheduler's own router
 * (bot/delivery/route.ts), so a reply can never promise a send the scheduler will not make.
 * "Now" because a route can appear later (a head says hello, a channel is chosen): the reply
 * says what to do, and the scheduler resolves the route again when each reminder falls due.
 */
import type { Recipient } from '../../core/meetings/types.js';
import type { Route, RouteTarget, Router } from '../delivery/route.js';
import type { NewOutboxItem, OutboxRow } from '../outbox/types.js';

/** One recipient of a meeting's messages and where they would go now. */
export interface Reach {
  /** 'channel' stands for the channel and members steps (both go to the team channel). */
  readonly role: Exclude<Recipient, 'members'>;
  readonly name?: string;
  readonly route: Route;
}

const ORDER: readonly Reach['role'][] = ['head', 'officer', 'channel'];
const roleOf = (r: Recipient): Reach['role'] => (r === 'members' ? 'channel' : r);

/** Resolves each distinct recipient of `items` once (channel and members count as one). */
export async function reachOf(
  router: Router | undefined,
  items: readonly Pick<NewOutboxItem, 'recipientRole' | 'recipient'>[],
  school: { schoolName: string; schoolUrn: string },
): Promise<Reach[] | undefined> {
  if (!router) return undefined;
  const first = new Map<Reach['role'], (typeof items)[number]>();
  for (const item of items) if (!first.has(roleOf(item.recipientRole))) first.set(roleOf(item.recipientRole), item);
  const out: Reach[] = [];
  for (const role of ORDER) {
    const item = first.get(role);
    if (!item) continue;
    const target: RouteTarget = { ...item, recipientRole: item.recipientRole, schoolName: school.schoolName, schoolUrn: school.schoolUrn };
    const name = item.recipient?.name;
    out.push({ role, ...(name ? { name } : {}), route: await router(target) });
  }
  return out;
}

/** True when the route would deliver (Teams or e-mail). */
export const reachable = (route: Route): boolean => route.kind !== 'none';

const WHO: Record<Reach['role'], string> = { head: 'Head', officer: 'Officer', channel: 'Team channel (agendas and notices)' };

function how(route: Route): string {
  switch (route.kind) {
    case 'teams':
      return route.via === 'teams' ? 'can be reached now, by Teams chat' : `can be reached now, in the team channel${route.mention ? ' (with an @mention)' : ''}`;
    case 'email':
      return `can be reached now, by e-mail (${route.to.email})`;
    case 'none':
      return `**cannot be reached**: ${noRouteWords(route)}`;
  }
}

/** 'why. To fix: fix.' for a recipient with no route. */
export const noRouteWords = (route: Extract<Route, { kind: 'none' }>): string =>
  `${route.why ?? route.reason}.${route.fix ? ` To fix: ${route.fix}.` : ''}`;

/** 'Who hears about it:' and a line per recipient; nothing when routes are not known. */
export function reachLines(reach: readonly Reach[] | undefined): string[] {
  if (!reach || reach.length === 0) return [];
  return [
    '',
    'Who hears about it:',
    ...reach.map((r) => `- ${WHO[r.role]}${r.name && r.role !== 'channel' ? ` (${r.name})` : ''}: ${how(r.route)}`),
  ];
}

/** The recipients with no route now, as plan steps name them (for marking steps that won't go). */
export function unreachableRecipients(reach: readonly Reach[] | undefined): ReadonlySet<Recipient> {
  const out = new Set<Recipient>();
  for (const r of reach ?? []) {
    if (reachable(r.route)) continue;
    out.add(r.role);
    if (r.role === 'channel') out.add('members');
  }
  return out;
}

/**
 * Rows that would really go if nothing changed: still to send (pending or claimed) and with a
 * route now. The others are counted apart: they fail with "no route" when due.
 */
export async function splitByRoute(
  router: Router | undefined,
  rows: readonly OutboxRow[],
  school: { schoolName: string; schoolUrn: string },
): Promise<{ live: OutboxRow[]; noRoute: { row: OutboxRow; route: Extract<Route, { kind: 'none' }> }[] }> {
  const live: OutboxRow[] = [];
  const noRoute: { row: OutboxRow; route: Extract<Route, { kind: 'none' }> }[] = [];
  for (const row of rows) {
    if (!router) {
      live.push(row);
      continue;
    }
    const route = await router({ recipientRole: row.recipientRole, ...(row.recipient ? { recipient: row.recipient } : {}), ...school });
    if (route.kind === 'none') noRoute.push({ row, route });
    else live.push(row);
  }
  return { live, noRoute };
}

/** Still to send: pending, or claimed and not yet out. */
export const stillToSend = (row: OutboxRow): boolean => row.status === 'pending' || row.status === 'claimed';

const CHASES: ReadonlySet<string> = new Set(['evidence-request', 'evidence-reminder', 'evidence-due']);

/**
 * Whether a meeting without evidence is really awaiting it: the head was asked (a request was
 * sent) or will be (one is still to go and the head has a route now). Otherwise nobody has asked
 * and nobody will: the reason, and its fix.
 */
export async function evidenceAsked(
  router: Router | undefined,
  rows: readonly OutboxRow[],
  school: { schoolName: string; schoolUrn: string },
): Promise<{ readonly asked: true } | { readonly asked: false; readonly reason: string; readonly fix?: string }> {
  const chases = rows.filter((r) => r.recipientRole === 'head' && CHASES.has(r.step));
  if (chases.length === 0 || chases.some((r) => r.status === 'sent')) return { asked: true };
  const waiting = chases.find(stillToSend);
  if (waiting) {
    if (!router) return { asked: true };
    const route = await router({ recipientRole: 'head', ...(waiting.recipient ? { recipient: waiting.recipient } : {}), ...school });
    return route.kind === 'none' ? { asked: false, reason: route.why ?? route.reason, ...(route.fix ? { fix: route.fix } : {}) } : { asked: true };
  }
  // Nothing sent and nothing left to send: every request failed, had no route or was stopped.
  const failed = chases.find((r) => r.status === 'no-route' || r.status === 'failed' || r.status === 'blocked');
  if (!failed) return { asked: true };
  return { asked: false, reason: `no request reached the head (${failed.lastError ?? failed.status})` };
}

/**
 * "N pending reminders were stopped", counting only those that would really have gone; those
 * still pending without a route are named apart (they would have failed when due).
 */
export function stoppedWords(stopped: number, noRoute: number): string {
  const real = stopped === 0 ? 'No pending reminder was stopped' : `${stopped === 1 ? '1 pending reminder was' : `${stopped} pending reminders were`} stopped`;
  if (noRoute === 0) return real;
  const them = noRoute === 1 ? 'the 1 still pending had' : `the ${noRoute} still pending had`;
  const others = noRoute === 1 ? '1 other had' : `${noRoute} others had`;
  return stopped === 0 ? `${real}: ${them} no route and would not have been sent` : `${real} (${others} no route and would not have been sent)`;
}
