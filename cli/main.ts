/**
 * The `cphub` command: `start` (the bots, or the console chat when no platform
 * is configured), `console`, `import`, `search`. One file per subcommand.
 */
import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { registerAdminCommand } from './admin-command.ts';
import { registerConsoleCommand } from './console-command.ts';
import { registerDigestCommand } from './digest-command.ts';
import { registerDiscordCommand } from './discord-command.ts';
import { registerFeedsCommand } from './feeds-command.ts';
import { registerImportCommand } from './import-command.ts';
import { registerSearchCommand } from './search-command.ts';
import { registerStartCommand } from './start-command.ts';

const program = new Command()
  .name('cphub')
  .description('The chat of the child protection network: library search, questions, digests.')
  .showHelpAfterError();

registerStartCommand(program);
registerConsoleCommand(program);
registerImportCommand(program);
registerSearchCommand(program);
registerDiscordCommand(program);
registerAdminCommand(program);
registerDigestCommand(program);
registerFeedsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
