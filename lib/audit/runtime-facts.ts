/** Walks the run-time facts of every contract with the contract's subject (shared by runtime- rules). */
import type { AuditContext } from './audit-context';
import type { AuditContract, AuditSubject, ContractRuntimeFacts } from './types';

export type ContractFacts = { key: string; subject: AuditSubject; contract: AuditContract | undefined; facts: ContractRuntimeFacts };

export function contractRuntime({ input }: AuditContext): ContractFacts[] {
  const byKey = new Map(input.contracts.map((c) => [c.key, c]));
  return Object.entries(input.runtime.contracts).map(([key, facts]) => {
    const contract = byKey.get(key);
    return { key, contract, facts, subject: { kind: 'contract', id: key, name: contract?.name ?? key } };
  });
}

/** At most `n` examples, and how many more there are. */
export function examples(ids: readonly string[], total: number, n = 5): string {
  const shown = ids.slice(0, n);
  return `${shown.join(', ')}${total > shown.length ? ` and ${total - shown.length} more` : ''}`;
}
