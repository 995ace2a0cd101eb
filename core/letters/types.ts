/** The letters the seeds describe. Every one is a draft for an officer: Waymark never sends a letter. */
export type LetterKind = 'congratulations' | 'significant-concerns' | 'warning-notice' | 'category-change';

export type Rag = 'R' | 'A' | 'G';

/** One indicator as rated for the school now (from the workbook). */
export interface IndicatorFact {
  readonly id: string;
  readonly label: string;
  readonly rag: Rag;
  /** The value in words, as the officer reads it ("declining", "ineffective", "89.1%"). */
  readonly display: string;
}

/** A category, with its words. */
export interface CategoryFact {
  readonly code: string;
  readonly label: string;
}

/** What a letter is suggested from and filled with. */
export interface LetterFacts {
  readonly frameworkId: string;
  readonly school: {
    readonly name: string;
    readonly urn?: string;
    readonly head?: string;
    readonly officer?: string;
  };
  readonly indicators: readonly IndicatorFact[];
  /** Ofsted overall grades, 1 (outstanding) to 4 (inadequate), when known. */
  readonly ofsted?: { readonly previous?: number; readonly current?: number };
  /** The LA category before and now (Reading's category change letter). */
  readonly category?: { readonly previous?: CategoryFact; readonly current?: CategoryFact };
}

/** One of the seed's bullets, found to hold for this school, with the evidence. */
export interface LetterReason {
  /** The seed's bullet, quoted. */
  readonly trigger: string;
  /** What in the school's data shows it ("Safeguarding: not met (red)"). */
  readonly evidence: string;
}

export interface LetterSuggestion {
  readonly kind: LetterKind;
  readonly title: string;
  readonly reasons: readonly LetterReason[];
  /** Seed bullets that could not be checked because the workbook has no data for them. */
  readonly unchecked: readonly string[];
  /** The seed and section the letter and its triggers come from. */
  readonly source: string;
}

/** A letter ready to be laid out (as .docx or anything else): plain text blocks. */
export interface LetterDraft {
  readonly kind: LetterKind;
  readonly title: string;
  /** 'yyyy-MM-dd' */
  readonly date: string;
  readonly addressee: readonly string[];
  readonly salutation: string;
  readonly paragraphs: readonly string[];
  /** The reasons, each a bullet. */
  readonly reasons: readonly string[];
  /** The sentence before the actions, if any. */
  readonly actionsIntro?: string;
  /** Actions or next steps, each a bullet (may be empty). */
  readonly actions: readonly string[];
  /** Paragraphs after the actions (a warning notice's periods, its copies). */
  readonly after: readonly string[];
  readonly closing: readonly string[];
  /** Shown at the top: who it is for, that it is a draft, that it is confidential. */
  readonly draftNotice: string;
  readonly source: string;
}
