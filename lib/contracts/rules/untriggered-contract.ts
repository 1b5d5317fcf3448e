/**
 * Portal rule `untriggered-contract`: a live contract that nothing can start — a handoff trigger no
 * other contract hands off to, or (when the lint context lists the portal's properties) a property
 * trigger on a property the object does not have — or that has not enrolled anyone in 30 days
 * (when the state store's enrollment times are given in the lint context).
 */
import { closest } from '../closest';
import { propertyTrigger } from '../lint/contract-facts';
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

const QUIET_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const untriggeredContract = {
  scope: 'portal',
  id: 'untriggered-contract',
  title: 'Contract nothing starts',
  severity: 'warning',
  rationale: 'A live contract that never runs gives false confidence that a process is automated.',
  docs: ruleDocs('untriggered-contract'),
  check({ index, context }) {
    const findings: RuleFinding[] = [];
    for (const contract of index.contracts) {
      const trigger = contract.draft.trigger;
      if (trigger?.event === 'handoff') {
        const feeders = (index.handoffsInto.get(contract.key) ?? []).filter((h) => h.source.key !== contract.key);
        if (feeders.length === 0) {
          findings.push({ contract: contract.key, path: '/trigger', message: `'${contract.key}' starts only by handoff, but no live contract hands off to it`, fix: `add a start_contract effect with key '${contract.key}' to another contract, or change the trigger` });
          continue;
        }
      }
      const changed = propertyTrigger(contract.draft);
      const known = context.portalProperties?.[contract.draft.object ?? 'contact'];
      if (changed && known && !known.includes(changed.property)) {
        const guess = closest(changed.property, known);
        findings.push({
          contract: contract.key,
          path: '/trigger/property',
          message: `'${contract.key}' starts when ${changed.property} changes, but ${contract.draft.object ?? 'contact'} records in this portal have no such property`,
          fix: guess ? `did you mean '${guess}'?` : 'create the property in the portal, or change the trigger',
        });
        continue;
      }
      const last = context.lastEnrolledAt?.[contract.key];
      if (last === undefined) continue;
      const since = last ?? context.liveSince?.[contract.key];
      if (!since) continue;
      const days = Math.floor((context.now.getTime() - since.getTime()) / DAY_MS);
      if (days > QUIET_DAYS) {
        findings.push({
          contract: contract.key,
          path: '/trigger',
          message: last ? `'${contract.key}' has enrolled no record for ${days} days (last on ${last.toISOString().slice(0, 10)})` : `'${contract.key}' has enrolled no record since it went live ${days} days ago`,
          fix: 'check that the trigger still fires in the portal, or retire the contract',
        });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;
