/** `waymark schema`: the contract format's JSON Schema on stdout, for editors. */
import { contractJsonSchema } from '../../contracts/json-schema';
import { EXIT, UsageError, type Command } from '../command';

export const schemaCommand = {
  summary: 'print the JSON Schema of the contract format',
  usage: 'waymark schema',
  run(args, io) {
    if (args.length > 0) throw new UsageError('schema takes no arguments');
    io.stdout(`${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
} as const satisfies Command;
