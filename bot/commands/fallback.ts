import { OPEN } from './access.js';
import type { Command } from './types.js';

/** Answers anything no other command matched. Always last in the router. */
export const fallback: Command = {
  name: 'fallback',
  matches: () => true,
  access: OPEN,
  handle: () => ({
    text: "I didn't understand that. Type \"help\" to see what I can do — for example \"category of 101234\".",
    suggestions: ['help'],
  }),
};
