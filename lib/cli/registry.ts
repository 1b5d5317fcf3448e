/**
 * CLI commands by name (explicit registry). Adding a command (e.g. `simulate`) is a new file in
 * commands/ plus one line here; help and dispatch pick it up.
 */
import type { Command } from './command';
import { auditCommand } from './commands/audit-command';
import { draftCommand } from './commands/draft-command';
import { docsCommand } from './commands/docs-command';
import { lintCommand } from './commands/lint-command';
import { rulesCommand } from './commands/rules-command';
import { schemaCommand } from './commands/schema-command';
import { simulateCommand } from './commands/simulate-command';

export const COMMANDS = {
  lint: lintCommand,
  docs: docsCommand,
  schema: schemaCommand,
  rules: rulesCommand,
  simulate: simulateCommand,
  audit: auditCommand,
  draft: draftCommand,
} as const satisfies Record<string, Command>;
