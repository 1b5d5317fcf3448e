/** `waymark rules`: the rule catalogue as Markdown (the page rule docs links point to). */
import { renderRuleCatalogue } from '../../contracts/rules/rule-catalogue';
import { EXIT, UsageError, type Command } from '../command';

export const rulesCommand = {
  summary: 'print the lint rule catalogue as Markdown',
  usage: 'waymark rules',
  run(args, io) {
    if (args.length > 0) throw new UsageError('rules takes no arguments');
    io.stdout(renderRuleCatalogue());
    return EXIT.ok;
  },
} as const satisfies Command;
