import type { z } from 'zod';
import type { conditionSchema } from '../schema.js';

type ConditionInput = z.input<typeof conditionSchema>;

/** Red: the indicator's worst band ("ineffective", "well below national", a flag that is bad news). */
export const red = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, rag: 'R' }));
/** Amber or worse. */
export const amber = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, rag: 'A' }));
/** Green: evidence a top category asks for. */
export const green = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, rag: 'G' }));
/** A figure better than the national one. */
export const aboveNational = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, evidence: 'above-national' }));
/** A figure in the top quartile. */
export const topQuartile = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, evidence: 'top-quartile' }));
/** An Ofsted judgement of outstanding (or exceptional). */
export const outstanding = (...ids: string[]): ConditionInput[] => ids.map((indicator) => ({ indicator, evidence: 'outstanding' }));
