/**
 * The stage map: for each stage property the portal orders (lifecycle stage, deal stages, …) and
 * each of its values, which workflows and contracts move records into it, out of it, start when a
 * record is in it, or require it. Rule `portal-ambiguous-stage` reads it; the audit page draws it.
 */
import type { AuditPath } from './audit-paths';
import { objectName } from './subjects';
import type { AuditSubject, StageOrder } from './types';

export type StageValueUse = {
  value: string;
  /** Position in the portal's order, -1 when the value is not in it. */
  position: number;
  enteredBy: AuditSubject[];
  leftBy: AuditSubject[];
  /** Paths that start when a record enters this value. */
  ownedBy: AuditSubject[];
  /** Paths whose entry requires this value without starting on its change. */
  requiredBy: AuditSubject[];
};
export type StageMap = { property: string; objectType: string; values: StageValueUse[] };

const add = (list: AuditSubject[], s: AuditSubject) => { if (!list.some((x) => x.kind === s.kind && x.id === s.id)) list.push(s); };

/** Builds the stage map of every stage order from the paths (pure; the page can call it too). */
export function buildStageMap(stages: readonly StageOrder[], paths: readonly AuditPath[]): StageMap[] {
  return stages.map((stage) => {
    const object = objectName(stage.objectType);
    const uses = new Map<string, StageValueUse>(stage.order.map((value, position) => [value, { value, position, enteredBy: [], leftBy: [], ownedBy: [], requiredBy: [] }]));
    const use = (value: string) => {
      let entry = uses.get(value);
      if (!entry) uses.set(value, (entry = { value, position: -1, enteredBy: [], leftBy: [], ownedBy: [], requiredBy: [] }));
      return entry;
    };
    for (const path of paths) {
      if (path.object !== object) continue;
      const written = path.writes.filter((w) => w.property === stage.property && w.value !== undefined).map((w) => w.value!);
      for (const value of written) add(use(value).enteredBy, path.subject);
      const req = path.requires.get(stage.property);
      const required = req?.eq !== undefined ? [req.eq] : req?.in ?? [];
      for (const value of required) {
        add((path.startsOn.has(stage.property) ? use(value).ownedBy : use(value).requiredBy), path.subject);
        if (written.some((w) => w !== value)) add(use(value).leftBy, path.subject);
      }
    }
    return { property: stage.property, objectType: stage.objectType, values: [...uses.values()] };
  });
}
