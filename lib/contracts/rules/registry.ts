/**
 * The rule registry: every lint rule, in report order. Explicit on purpose (no file scanning): a
 * new rule is a new file plus one line here, and the catalogue test checks ids against the format.
 */
import type { Rule } from '../lint/rule';
import { actionWithoutFailurePath } from './action-without-failure-path';
import { ambiguousStage } from './ambiguous-stage';
import { branchWithoutElse } from './branch-without-else';
import { contradictoryWrites } from './contradictory-writes';
import { deadEnd } from './dead-end';
import { duplicateId } from './duplicate-id';
import { duplicateKey } from './duplicate-key';
import { exitWithoutState } from './exit-without-state';
import { failureExitSilent } from './failure-exit-silent';
import { handoffCycle } from './handoff-cycle';
import { handoffRejected } from './handoff-rejected';
import { handoffToUnknown } from './handoff-to-unknown';
import { instantLoop } from './instant-loop';
import { missingDocs } from './missing-docs';
import { missingEntryFilter } from './missing-entry-filter';
import { missingExit } from './missing-exit';
import { missingTimedAction } from './missing-timed-action';
import { missingTrigger } from './missing-trigger';
import { noBranch } from './no-branch';
import { overlappingEntry } from './overlapping-entry';
import { stageRegression } from './stage-regression';
import { staleDocs } from './stale-docs';
import { unknownReference } from './unknown-reference';
import { unreachableStep } from './unreachable-step';
import { untriggeredContract } from './untriggered-contract';
import { waitWithoutTimeout } from './wait-without-timeout';

/** Every rule, single-contract rules first, in catalogue order. */
export const RULES = [
  missingTrigger,
  missingEntryFilter,
  missingDocs,
  missingExit,
  missingTimedAction,
  unknownReference,
  duplicateId,
  unreachableStep,
  deadEnd,
  waitWithoutTimeout,
  branchWithoutElse,
  actionWithoutFailurePath,
  instantLoop,
  exitWithoutState,
  failureExitSilent,
  stageRegression,
  staleDocs,
  noBranch,
  overlappingEntry,
  contradictoryWrites,
  handoffToUnknown,
  handoffRejected,
  handoffCycle,
  ambiguousStage,
  untriggeredContract,
  duplicateKey,
] as const satisfies readonly Rule[];

/** Ids the linter itself reports besides the rules. */
export const BUILTIN_IDS = ['schema', 'internal-error'] as const;

/** Every id a finding can carry (rules and built-ins), e.g. for validating configuration. */
export const ALL_RULE_IDS: readonly string[] = [...BUILTIN_IDS, ...RULES.map((rule) => rule.id)];
