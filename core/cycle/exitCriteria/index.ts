export { EXIT_CRITERIA, type ExitCriteriaSet, type ExitCriterion } from './data.js';
export {
  exitChecklist,
  exitChecklistLines,
  exitCriteriaFor,
  exitCriterion,
  tickWords,
  type ExitChecklist,
  type ExitChecklistItem,
  type ExitTick,
} from './checklist.js';
