/** Small helpers shared by rule files: pointers, names in messages, "did you mean" suggestions. */
import { toPointer, type PointerSegment } from '../json-pointer';

/** Pointer of `segments`. */
export const at = (...segments: PointerSegment[]): string => toPointer(segments);

/** `step 'send-rebook'` / `exit 'exit-booked'` / `steps[2]` for messages. */
export function nodeName(kind: 'step' | 'exit', id: string | undefined, index: number): string {
  return id === undefined ? `${kind}s[${index}]` : `${kind} '${id}'`;
}

export { closest } from '../closest';

/** True for a missing or whitespace-only text. */
export const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
