/** Every command of the core router, in /help's order: what platform menus must register. */
import { createCoreHarness } from './core-harness.ts';

export function coreCommandNames(): string[] {
  const hub = createCoreHarness();
  try {
    return hub.router.commandList().map((command) => command.name);
  } finally {
    hub.db.close();
  }
}
