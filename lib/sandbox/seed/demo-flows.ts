/** Native workflows of the demo portal (filled in below). */
export function demoFlows(_now: number): (Record<string, unknown> & { id: string })[] {
  return [];
}
