/**
 * `/ask <question>` and `/ask anon <question>`: in a group or a private
 * chat. The question is checked and shown to the asker before anything is
 * posted (core/questions/ask-flow.ts).
 */
import type { Member } from '../ports.ts';
import { fail, ok, type ActionSpec, type CommandSpec, type Guard } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { startQuestion } from '../questions/ask-flow.ts';
import { ASK_FROM_SEARCH_ACTION } from './search-results.ts';

/** Long enough for a case described with care; a question is not a report. */
export const QUESTION_MAX = 1500;
/** `/ask anon …` (also `anonymous`, `anonim`, `anonimno`, `анонимно`, `névtelen`, `anonim`): the asker's name is not shown. */
const ANONYMOUS_WORDS = new Set(['anon', 'anonymous', 'anonim', 'anonime', 'anonimno', 'анонимно', 'анонимен', 'névtelen', 'névtelenül', 'anonimă', 'anonimă']);

export interface AskArgs {
  text: string;
  anonymous: boolean;
}

export function parseAsk(args: string): { text: string; anonymous: boolean } {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const anonymous = ANONYMOUS_WORDS.has(first.toLowerCase());
  return { text: anonymous ? args.trim().slice(first.length).trim() : args.trim(), anonymous };
}

/** Questions come from members who joined and are not waiting for approval. */
export const requireActiveMember: Guard = (context) =>
  context.member?.status === 'active' ? { ok: true } : { ok: false, error: new UserError('ask.joinFirst', { command: context.command('start') }) };

export const askCommand: CommandSpec<AskArgs> = {
  name: 'ask',
  descriptionKey: 'help.commands.ask',
  parse(args) {
    const parsed = parseAsk(args);
    if (!parsed.text) return fail(new UserError('ask.usage', { example: '/ask How do I …?', anonymous: '/ask anon How do I …?' }));
    if (parsed.text.length > QUESTION_MAX) return fail(new UserError('ask.tooLong', { max: QUESTION_MAX, length: parsed.text.length }));
    return ok(parsed);
  },
  guards: [requireActiveMember],
  run: (context, args) => startQuestion(context, context.member as Member, args.text, args.anonymous),
};

/** "Ask the experts" under a search that found nothing: the search words become a draft question. */
export const askFromSearchAction: ActionSpec = {
  actionId: ASK_FROM_SEARCH_ACTION,
  async run(context, token) {
    const verdict = await requireActiveMember(context);
    if (!verdict.ok) throw verdict.error;
    const state = await context.services.sessions.load(token);
    if (!state || state.platform !== context.incoming.platform || state.userId !== context.incoming.sender.id) throw new UserError('search.expired');
    return startQuestion(context, context.member as Member, state.query.slice(0, QUESTION_MAX), false);
  },
};
