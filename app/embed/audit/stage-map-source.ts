/**
 * Mermaid source for the stage map: for each stage property, its stages in the portal's order,
 * and which workflows and contracts move records into each stage. A stage with several owners
 * or none is drawn in the warning colour (the `ambiguous-stage` rule's finding says why).
 * Reads `report.stageMap` as lib/audit stores it, defensively.
 */
interface Owner {
  kind?: string;
  id?: string;
  name?: string;
}

interface StageEntry {
  value: string;
  label?: string;
  into?: Owner[];
  outOf?: Owner[];
}

interface StageProperty {
  property: string;
  objectType?: string;
  stages: StageEntry[];
}

function properties(stageMap: unknown): StageProperty[] {
  const list = Array.isArray(stageMap) ? stageMap : stageMap && typeof stageMap === 'object' && Array.isArray((stageMap as { properties?: unknown }).properties) ? (stageMap as { properties: unknown[] }).properties : [];
  return list.flatMap((p) => {
    if (!p || typeof p !== 'object') return [];
    const o = p as Record<string, unknown>;
    if (typeof o.property !== 'string' || !Array.isArray(o.stages)) return [];
    return [{ property: o.property, objectType: typeof o.objectType === 'string' ? o.objectType : undefined, stages: o.stages as StageEntry[] }];
  });
}

const safe = (text: string) => text.replace(/["\n\r<>#;`{}[\]|]/g, ' ').trim().slice(0, 60) || '?';
const nodeId = (...parts: string[]) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

/** The Mermaid flowchart, or null when no stage property is written anywhere. */
export function stageMapSource(stageMap: unknown): string | null {
  const props = properties(stageMap).filter((p) => p.stages.length > 0);
  if (props.length === 0) return null;
  const lines = ['flowchart LR', '  classDef ambiguous fill:#fef8f0,stroke:#f5c26b,color:#33475b', '  classDef stage fill:#eaf0f6,stroke:#7c98b6,color:#33475b', '  classDef owner fill:#ffffff,stroke:#cbd6e2,color:#516f90'];
  const owners = new Map<string, string>();
  props.forEach((prop, p) => {
    lines.push(`  subgraph P${p}["${safe(prop.property)}"]`, '    direction LR');
    prop.stages.forEach((stage, s) => lines.push(`    ${nodeId('s', String(p), String(s))}["${safe(stage.label ?? stage.value)}"]`));
    lines.push('  end');
    prop.stages.forEach((stage, s) => {
      const id = nodeId('s', String(p), String(s));
      if (s > 0) lines.push(`  ${nodeId('s', String(p), String(s - 1))} -.-> ${id}`);
      const into = stage.into ?? [];
      lines.push(`  class ${id} ${into.length === 1 ? 'stage' : 'ambiguous'}`);
      for (const owner of into) {
        const key = `${owner.kind ?? ''}:${owner.id ?? owner.name ?? ''}`;
        if (!owners.has(key)) {
          const ownerId = nodeId('o', String(owners.size));
          owners.set(key, ownerId);
          lines.push(`  ${ownerId}(["${safe(`${owner.kind === 'contract' ? 'Contract' : 'Workflow'}: ${owner.name ?? owner.id ?? '?'}`)}"])`, `  class ${ownerId} owner`);
        }
        lines.push(`  ${owners.get(key)} --> ${id}`);
      }
    });
  });
  return lines.join('\n');
}
