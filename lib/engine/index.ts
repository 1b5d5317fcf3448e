/**
 * The engine's public surface: pure decisions about contracts, records and runs. The shell
 * (lib/runtime), the simulate CLI command and API, and the tests use these; nothing here does
 * I/O or reads the clock.
 */
export * from './types';
export { evaluateCondition, type ConditionContext, type ConditionInput, type ConditionResult } from './evaluate-condition';
export { matchTriggers, matchStart, type LiveContract, type StartSource, type TriggerMatch } from './match-trigger';
export { evaluateEntry, type EntryArgs, type EntryDecision, type EntryRule } from './evaluate-entry';
export { advanceRun, type AdvanceArgs } from './advance-run';
export { SYSTEM_EXITS, type SystemExitId } from './take-exit';
export { deriveSignals, recordKey, type DeriveResult, type RecordVersionState } from './derive-signals';
export { signalKey } from './signal-key';
export { NAMED_EVENT_RULES, NAMED_EVENT_PROPERTIES } from './named-events';
export { addBusinessDuration, DEFAULT_BUSINESS_HOURS, type BusinessHours } from './business-hours';
export { simulate, type SimulateOptions, type SimulationResult } from './simulate';
export { runSimulation, simulateRequestSchema, type SimulateRequest, type SimulateResponse } from './simulate-request';
export { formatSimulation } from './format-simulation';
export { whatIfPublish, type WhatIfRecord, type WhatIfReport, type WhatIfOptions } from './what-if-publish';
