import { z } from 'zod';

/**
 * What a workbook may say about itself (saved by the add-in in document settings, or given
 * to the CLI as JSON): which framework, where the header is, column mappings, thresholds.
 */
export const sheetConfigSchema = z
  .object({
    framework: z.string().min(1).optional(),
    /** 1-based sheet row of the header, when detection picks the wrong one. */
    headerRow: z.number().int().min(1).optional(),
    /**
     * Heading text (as written) or column letters → an indicator id, a role such as "school"
     * or "officer-category", or "ignore".
     */
    columns: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Per-indicator threshold overrides, checked against the framework by withThresholds. */
    thresholds: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type SheetConfig = z.infer<typeof sheetConfigSchema>;
export type SheetConfigInput = z.input<typeof sheetConfigSchema>;
