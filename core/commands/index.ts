/** The command set of cphub: one file per command, assembled here. */
import type { CommandSpec, CoreServices } from '../router/command.ts';
import { MemberRateLimit } from '../router/member-rate-limit.ts';
import { Router, type AwaitingText } from '../router/router.ts';
import { docCommand } from './doc.ts';
import { createHelpCommand } from './help.ts';
import { langCommand } from './lang.ts';
import { auditCommand } from './audit.ts';
import { forgetAction, forgetCommand } from './forget.ts';
import { linkCommand, unlinkCommand } from './link.ts';
import { mydataCommand } from './mydata.ts';
import { awaitingProfileText, profileAction } from './onboarding.ts';
import { decideAction, pendingCommand } from './pending.ts';
import { consentAction, privacyCommand } from './privacy.ts';
import { profileCommand } from './profile.ts';
import { awaitingPostText, postAction, postCommand } from './post.ts';
import { searchCommand, searchPageAction } from './search.ts';
import { startCommand } from './start.ts';
import { digestCommand, subscribeCommand, unsubscribeCommand } from './digest-commands.ts';
import { eventsCommand } from './events.ts';
import { newsCommand } from './news.ts';
import { timezoneCommand } from './timezone.ts';

export interface CoreRouterOptions {
  /** Per-member command pace (on by default; test harnesses that send many commands turn it off). */
  memberRateLimit?: boolean;
}

export function createCoreRouter(services: CoreServices, options: CoreRouterOptions = {}): Router {
  // One list, in /help's order; /help reads it when it runs.
  const commands: CommandSpec<any>[] = [];
  commands.push(startCommand, createHelpCommand(() => commands), searchCommand, docCommand, langCommand, privacyCommand, profileCommand, linkCommand, unlinkCommand, mydataCommand, forgetCommand, pendingCommand, auditCommand, newsCommand, eventsCommand, timezoneCommand, subscribeCommand, unsubscribeCommand, digestCommand, postCommand);
  return new Router(services, {
    commands,
    actions: [searchPageAction, consentAction, forgetAction, decideAction, profileAction, postAction],
    // Onboarding's typed answers (name, organisation) come as the next plain message.
    awaitingText: eitherAwaiting(awaitingProfileText, awaitingPostText),
    // In a private chat a member who just types words is looking for documents.
    privateTextCommand: 'search',
    ...(options.memberRateLimit === false ? {} : { memberRateLimit: new MemberRateLimit(services.clock) }),
  });
}

/** Two forms that wait for a typed answer (the profile, a /post): the one whose question is pending answers. */
function eitherAwaiting(first: AwaitingText, second: AwaitingText): AwaitingText {
  return {
    answer: async (context, text) => (await first.answer(context, text)) ?? second.answer(context, text),
    beforeCommand: async (context, name, args) => {
      await first.beforeCommand(context, name, args);
      await second.beforeCommand(context, name, args);
    },
  };
}
