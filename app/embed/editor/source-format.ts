/** JSON ⇄ YAML views of one contract source: both are renderings of the same parsed value. */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

export type SourceFormat = 'json' | 'yaml';

export function renderSource(value: unknown, format: SourceFormat): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringifyYaml(value, { lineWidth: 0 });
}

/** Converts text to the other format; undefined when the text does not parse (the view stays). */
export function convertSource(text: string, to: SourceFormat): string | undefined {
  try {
    const value: unknown = parseYaml(text);
    return renderSource(value, to);
  } catch {
    return undefined;
  }
}
