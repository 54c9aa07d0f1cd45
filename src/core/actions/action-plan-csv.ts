/** Plan import lives in plan-import.ts; this name is kept for the callers that know it. */
export { importActionPlan, readPlanActions, describeImport, type ImportResult, type PlanRowError } from './plan-import';
