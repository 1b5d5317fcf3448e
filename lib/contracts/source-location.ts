/**
 * Maps a JSON pointer to a line/column region of the contract's source text (JSON or YAML), so
 * SARIF results land on the right line. YAML's parser keeps node offsets for both formats (JSON
 * is YAML 1.2). A pointer to a missing field maps to the nearest enclosing node that exists.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { fromPointer } from './json-pointer';

/** A 1-based region of a text file. */
export type SourceRegion = { startLine: number; startColumn: number; endLine: number; endColumn: number };

/** Locates pointers in one source text; parse once, ask many times. */
export function sourceLocator(text: string): (pointer: string) => SourceRegion {
  let root: YamlNode | null | undefined;
  try {
    root = parseDocument(text, { uniqueKeys: false }).contents as YamlNode | null;
  } catch {
    root = undefined;
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  return (pointer) => {
    const range = root ? locate(root, fromPointer(pointer)) : undefined;
    const [start, end] = range ?? [0, Math.min(text.length, (lineStarts[1] ?? text.length + 1) - 1)];
    const from = position(start);
    const to = position(Math.max(start, end));
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  };
}

function locate(root: YamlNode, segments: string[]): [number, number] | undefined {
  let node: YamlNode = root;
  let range = node.range ? [node.range[0], node.range[1]] as [number, number] : undefined;
  for (const [i, segment] of segments.entries()) {
    let next: unknown;
    let keyRange: [number, number] | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      next = pair?.value;
      if (pair && isScalar(pair.key) && pair.key.range) keyRange = [pair.key.range[0], pair.key.range[1]];
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
    }
    if (!next || typeof next !== 'object' || !('range' in next)) return keyRange ?? range;
    node = next as YamlNode;
    const nodeRange = node.range;
    // Point at the key for the last segment of an object (reads naturally for "unknown field").
    const last = i === segments.length - 1;
    range = last && keyRange && (isMap(node) || isSeq(node)) ? keyRange : nodeRange ? [nodeRange[0], nodeRange[1]] : range;
  }
  return range;
}
