import type { SheetConfig } from '../../core/sheet/config.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { ExcelContext } from './office.js';
import { errorText } from './read.js';
import { CONFIG_KEY, FRAMEWORK_KEY } from './state.js';

/**
 * Saves the officer's choices (framework, header row, column mappings, thresholds) in the
 * workbook's document settings, so the next officer who opens the pane sees the same; a
 * custom framework is saved beside them. One round trip.
 */
export async function saveConfig(
  context: ExcelContext,
  config: SheetConfig,
  customFramework?: unknown,
): Promise<Result<void, string>> {
  const { settings } = context.workbook;
  settings.add(CONFIG_KEY, config);
  if (customFramework !== undefined) settings.add(FRAMEWORK_KEY, customFramework);
  try {
    await context.sync();
    return ok(undefined);
  } catch (e) {
    return fail(`Excel could not save the settings: ${errorText(e)}`);
  }
}

/** Selects a cell (or range) of the active sheet, for the summary's links. */
export async function selectCell(context: ExcelContext, address: string): Promise<Result<void, string>> {
  context.workbook.worksheets.getActiveWorksheet().getRange(address).select();
  try {
    await context.sync();
    return ok(undefined);
  } catch (e) {
    return fail(`Excel could not select ${address}: ${errorText(e)}`);
  }
}
