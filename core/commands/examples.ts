import type { CommandContext } from '../router/command.ts';

/** A search example in the member's language, for usage hints. */
export function searchExample(context: CommandContext): string {
  return context.t('examples.query');
}
