/**
 * Text from outside the bot (an Outlook subject anyone could type) shown in a Markdown reply:
 * the characters that open Markdown's emphasis, code, links and HTML are escaped, and line
 * breaks flattened, so "[click](https://…)", "**", "<at>" or a list show as typed, never as a
 * link, emphasis or mention. Brackets and "!" need no escape once "[" is escaped.
 */

/**
 * @example
 * escapeMarkdown('RAP – [Oakfield](https://evil.example)') //=> 'RAP – \\[Oakfield\\](https://evil.example)'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
