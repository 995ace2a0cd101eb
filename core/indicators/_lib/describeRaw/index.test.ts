import { describe, expect, it } from 'vitest';
import { describeRaw } from './index.js';

describe('describeRaw', () => {
  it('quotes cleaned text, and shows numbers and booleans as Excel would', () => {
    expect(describeRaw('\u00A0excellent  ')).toBe('"excellent"');
    expect(describeRaw(94.2)).toBe('94.2');
    expect(describeRaw(false)).toBe('FALSE');
    expect(describeRaw(null)).toBe('a blank cell');
  });

  it('shortens long values so reasons stay short', () => {
    expect(describeRaw('Requires improvement in all areas')).toBe('"Requires improvem…"');
    expect(describeRaw(-9.12182987566e-313)).toBe('-9.12183e-313');
  });

  it('never cuts a character in half', () => {
    const shown = describeRaw('𐀀'.repeat(20));
    expect(shown).toBe(`"${'𐀀'.repeat(8)}…"`);
  });
});
