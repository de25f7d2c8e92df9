/** The command set of cphub: one file per command, assembled here. */
import type { CommandSpec, CoreServices } from '../router/command.ts';
import { Router } from '../router/router.ts';
import { docCommand } from './doc.ts';
import { createHelpCommand } from './help.ts';
import { langCommand } from './lang.ts';
import { searchCommand, searchPageAction } from './search.ts';
import { startCommand } from './start.ts';

export function createCoreRouter(services: CoreServices): Router {
  const commands: CommandSpec<any>[] = [startCommand, searchCommand, docCommand, langCommand];
  const help = createHelpCommand(() => [startCommand, helpEntry, searchCommand, docCommand, langCommand]);
  const helpEntry = { name: help.name, descriptionKey: help.descriptionKey };
  return new Router(services, {
    commands: [...commands, help],
    actions: [searchPageAction],
    // In a private chat a member who just types words is looking for documents.
    privateTextCommand: 'search',
  });
}
