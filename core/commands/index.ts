/** The command set of cphub: one file per command, assembled here. */
import type { CommandSpec, CoreServices } from '../router/command.ts';
import { MemberRateLimit } from '../router/member-rate-limit.ts';
import { Router, type AwaitingText } from '../router/router.ts';
import { askAction } from '../questions/ask-flow.ts';
import { acceptCommand, answerByReply, answerCommand, awaitingAnswerText, questionAction } from './answer.ts';
import { askCommand, askFromSearchAction } from './ask.ts';
import { hideCommand } from './hide.ts';
import { questionCommand, questionsCommand } from './questions.ts';
import { docCommand } from './doc.ts';
import { expertAction, expertCommand } from './expert.ts';
import { expertsCommand, expertsPageAction } from './experts.ts';
import { createHelpCommand } from './help.ts';
import { langCommand } from './lang.ts';
import { auditCommand } from './audit.ts';
import { FORGET_ACTION, forgetAction, forgetCommand } from './forget.ts';
import { linkCommand, unlinkCommand } from './link.ts';
import { mydataCommand } from './mydata.ts';
import { awaitingProfileText, profileAction } from './onboarding.ts';
import { decideAction, pendingCommand } from './pending.ts';
import { consentAction, privacyCommand } from './privacy.ts';
import { profileCommand } from './profile.ts';
import { awaitingPostText, postAction, postCommand } from './post.ts';
import { roleCommand } from './role.ts';
import { suspendCommand, unsuspendCommand } from './suspend.ts';
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
  commands.push(
    startCommand, createHelpCommand(() => commands), searchCommand, docCommand,
    askCommand, questionsCommand, questionCommand, answerCommand, acceptCommand,
    langCommand, privacyCommand, profileCommand, expertCommand, expertsCommand,
    linkCommand, unlinkCommand, mydataCommand, forgetCommand, pendingCommand, roleCommand, suspendCommand, unsuspendCommand, hideCommand, auditCommand,
    newsCommand, eventsCommand, timezoneCommand, subscribeCommand, unsubscribeCommand, digestCommand, postCommand,
  );
  return new Router(services, {
    commands,
    actions: [
      searchPageAction, consentAction, forgetAction, decideAction, profileAction, expertAction, expertsPageAction,
      askAction, askFromSearchAction, questionAction, postAction,
    ],
    // Typed answers come as the next plain message: onboarding's (name, organisation), a /post form's, an expert's answer.
    awaitingText: firstAwaiting([awaitingProfileText, awaitingPostText, awaitingAnswerText]),
    // A reply to a posted question (Telegram) answers it.
    replyToBot: answerByReply,
    // In a private chat a member who just types words is looking for documents.
    privateTextCommand: 'search',
    // A suspended member can still read the notice, take their data and erase it.
    whileSuspended: { commands: ['privacy', 'mydata', 'forget'], actions: [FORGET_ACTION] },
    ...(options.memberRateLimit === false ? {} : { memberRateLimit: new MemberRateLimit(services.clock) }),
  });
}

/** Several questions that wait for a typed answer: the one whose question is pending answers; a command tells them all. */
function firstAwaiting(all: AwaitingText[]): AwaitingText {
  return {
    async answer(context, typed) {
      for (const awaiting of all) {
        const answered = await awaiting.answer(context, typed);
        if (answered) return answered;
      }
      return undefined;
    },
    async beforeCommand(context, name, args) {
      for (const awaiting of all) await awaiting.beforeCommand(context, name, args);
    },
  };
}
