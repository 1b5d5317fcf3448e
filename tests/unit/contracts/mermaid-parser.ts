/**
 * The real Mermaid parser under Node for tests: Mermaid's parse() needs a DOM only for DOMPurify,
 * so a happy-dom Window is installed as the global window/document before Mermaid is imported.
 */
import { Window } from 'happy-dom';

let parser: Promise<(text: string) => Promise<unknown>> | undefined;

/** Resolves to `mermaid.parse`, which rejects with Mermaid's own message on a syntax error. */
export function mermaidParse(): Promise<(text: string) => Promise<unknown>> {
  parser ??= (async () => {
    const window = new Window();
    Object.assign(globalThis, { window, document: window.document });
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false });
    return (text: string) => mermaid.parse(text);
  })();
  return parser;
}
