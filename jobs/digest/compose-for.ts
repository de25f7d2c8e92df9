/**
 * One recipient's digest as the job sends it — and as `cphub digest preview`
 * shows it, through this same function: their language, zone and filters,
 * and commands as typed on the platform it goes to (Slack: `/hub news`).
 */
import { DigestComposer } from '../../core/digest/compose-digest.ts';
import type { DigestRecipient, DigestSources } from '../../core/digest/digest-ports.ts';
import { loadDigestWeek } from '../../core/digest/digest-week.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { Translator } from '../../core/ports.ts';

/** How a command is typed on a platform when it is not `/name` (Slack: `/hub name`). */
export type CommandPrefixes = Partial<Record<PlatformName, string>>;

export type DigestReaderOf = Pick<DigestRecipient, 'platform' | 'language' | 'timeZone' | 'filter'>;

/** The week [from, to) read once; each way of reading it composed once. */
export async function weekComposer(sources: DigestSources, translator: Translator, from: Date, to: Date): Promise<DigestComposer> {
  return new DigestComposer(await loadDigestWeek(sources, from, to), translator);
}

export function composeFor(composer: DigestComposer, recipient: DigestReaderOf, commandPrefixes: CommandPrefixes = {}): Reply | undefined {
  const commandPrefix = commandPrefixes[recipient.platform] ?? '/';
  const command = (name: string, args?: string) => `${commandPrefix}${name}${args ? ` ${args}` : ''}`;
  return composer.compose({ language: recipient.language, timeZone: recipient.timeZone, filter: recipient.filter, command, commandPrefix });
}
