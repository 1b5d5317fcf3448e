/**
 * `waymark docs <file> [--out dir]`: the contract's Markdown docs page (with its Mermaid flowchart)
 * on stdout, or written to `<dir>/<key>.md`. Drafts render too; exit 2 on unreadable input.
 */
import { renderContractDocs } from '../../contracts/docs/render-markdown';
import { parseContract } from '../../contracts/parse-contract';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';

export const docsCommand = {
  summary: 'render a contract as a Markdown page with a Mermaid flowchart',
  usage: 'waymark docs <file> [--out dir]',
  run(args, io) {
    const { positionals, options } = parseArgs(args, ['out']);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('give exactly one contract file');
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.stderr(`waymark: cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT.unreadable;
    }
    const parsed = parseContract(text);
    if (parsed.unreadable || !parsed.contract) {
      io.stderr(`waymark: cannot read ${file}: ${parsed.unreadable ?? 'not a contract object'}\n`);
      return EXIT.unreadable;
    }
    const page = renderContractDocs(parsed.contract);
    const out = options.get('out');
    if (out === undefined) {
      io.stdout(page);
      return EXIT.ok;
    }
    const name = parsed.contract.key ?? (file.split('/').pop() ?? 'contract').replace(/\.(json|ya?ml)$/i, '');
    const target = `${out.replace(/\/+$/, '')}/${name}.md`;
    io.makeDir(out);
    io.writeFile(target, page);
    io.stderr(`waymark: wrote ${target}\n`);
    return EXIT.ok;
  },
} as const satisfies Command;
