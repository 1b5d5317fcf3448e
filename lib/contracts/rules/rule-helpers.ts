/** Small helpers shared by rule files: pointers, names in messages, "did you mean" suggestions. */
import { toPointer, type PointerSegment } from '../json-pointer';

/** Pointer of `segments`. */
export const at = (...segments: PointerSegment[]): string => toPointer(segments);

/** `step 'send-rebook'` / `exit 'exit-booked'` / `steps[2]` for messages. */
export function nodeName(kind: 'step' | 'exit', id: string | undefined, index: number): string {
  return id === undefined ? `${kind}s[${index}]` : `${kind} '${id}'`;
}

/** The candidate closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { value: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.value : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** True for a missing or whitespace-only text. */
export const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
