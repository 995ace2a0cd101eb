/**
 * The minimum shape of an incoming Activity, checked before botbuilder sees it, so bad
 * input gets a short 400 instead of a stack trace or a half-processed turn.
 */
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/** Teams caps a message at about 28 KB; anything far beyond that is not a real message. */
export const MAX_TEXT_CHARS = 40_000;

const account = z.looseObject({ id: z.string().min(1).max(512) });

export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  channelId: z.string().max(64).optional(),
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    conversationType: z.string().max(64).optional(),
  }),
  from: account.optional(),
  recipient: account.optional(),
  text: z.string().max(MAX_TEXT_CHARS).optional(),
  entities: z.array(z.looseObject({ type: z.string().optional() })).max(100).optional(),
  attachments: z.array(z.unknown()).max(50).optional(),
});

/** Express middleware: 400 with `{ error }` naming the first bad field. */
export function validateActivity(req: Request, res: Response, next: NextFunction): void {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    res.status(400).json({ error: 'Expected a JSON Activity object (Content-Type: application/json).' });
    return;
  }
  const parsed = IncomingActivity.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    const problem = issue?.code === 'invalid_type' && issue.input === undefined ? 'is missing' : 'is invalid';
    res.status(400).json({ error: `Invalid Activity: ${field} ${problem}.` });
    return;
  }
  next();
}
