/**
 * Text from outside the bot (an Outlook subject anyone could type) shown in a Markdown reply:
 * every character Teams' Markdown gives a meaning to is escaped, so "[click](https://…)",
 * "**", "<at>" or a heading show as typed, never as a link, emphasis or mention.
 */

/**
 * @example
 * escapeMarkdown('RAP – [Oakfield](https://evil.example)') //=> 'RAP – \\[Oakfield\\]\\(https://evil.example\\)'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
