import type { Rag } from '../frameworks/schema.js';

/** RAG in words, so that no reader depends on colour alone. */
export const ragWord: Record<Rag, string> = { G: 'green', A: 'amber', R: 'red' };
export const ragLabel: Record<Rag, string> = { G: 'Green', A: 'Amber', R: 'Red' };
export const ragScore: Record<Rag, number> = { G: 0, A: 1, R: 2 };
