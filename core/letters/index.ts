/**
 * Letters to schools (issue 14): which letter the seeds call for and why, and its draft words.
 * Pure content; laying it out as a Word document is done outside core (letters/docx).
 * Nothing here, or anywhere in Waymark, sends a letter to a school.
 */
export type { CategoryFact, IndicatorFact, LetterDraft, LetterFacts, LetterKind, LetterReason, LetterSuggestion, Rag } from './types.js';
export { CAMBRIDGESHIRE_TRIGGERS, SOURCES as LETTER_SOURCES, type Trigger } from './triggers.js';
export { LETTER_KINDS, LETTER_TITLES, letterReasons, suggestLetters } from './suggestLetters.js';
export { draftLetter, type DraftOptions } from './draftLetter.js';
