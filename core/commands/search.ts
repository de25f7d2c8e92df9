/** `/search <query>` and its previous/next buttons. */
import { languageGroupOf } from '../library/language.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import { ok, type ActionSpec, type CommandContext, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { hasFilters, hasPositiveTerms } from '../search/parsed-query.ts';
import { parseQuery } from '../search/query-parser.ts';
import { isQuestionSearch, searchQuestions } from '../questions/search-questions.ts';
import { searchExample } from './examples.ts';
import { PAGE_SIZE, rejectedFilterNotes, resultsReply, SEARCH_PAGE_ACTION } from './search-results.ts';

export const searchCommand: CommandSpec<string> = {
  name: 'search',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.search',
  parse: (args) => ok(args),
  async run(context, query) {
    if (!query) return usage(context);
    return searchPage(context, query, 0);
  },
};

export const searchPageAction: ActionSpec = {
  actionId: SEARCH_PAGE_ACTION,
  async run(context, value) {
    const [token = '', page = ''] = value.split(':');
    const state = /^\d{1,4}$/.test(page) ? await context.services.sessions.load(token) : undefined;
    if (!state) throw new UserError('search.expired');
    return searchPage(context, state.query, Number(page), token);
  },
};

async function searchPage(context: CommandContext, query: string, pageIndex: number, token?: string): Promise<Reply> {
  const parsed = parseQuery(query);
  // type:qa searches the answered questions instead of the library.
  if (isQuestionSearch(parsed) && hasPositiveTerms(parsed)) return searchQuestions(context, parsed, query);
  if (!hasPositiveTerms(parsed) && parsed.excluded.length > 0 && !hasFilters(parsed.filters)) {
    return reply([paragraph(text(context.t('search.onlyExclusions')))]);
  }
  // Only filters cphub did not understand (`lang:xx`): with them left out
  // nothing is left to search, so name them and say how to search rather
  // than "nothing found".
  if (!hasPositiveTerms(parsed) && parsed.excluded.length === 0 && !hasFilters(parsed.filters) && parsed.rejectedFilters.length > 0) {
    return reply([...rejectedFilterNotes(context, parsed), ...usage(context).blocks]);
  }
  const page = await context.services.search.search({
    query: parsed,
    preferredLanguage: languageGroupOf(context.language),
    offset: pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const sessionToken = token ?? (page.total > PAGE_SIZE ? await saveSession(context, query) : undefined);
  // Nothing in the library: a member may put the words to the experts.
  const askToken = page.total === 0 && context.member?.status === 'active' && hasPositiveTerms(parsed) ? await saveSession(context, query) : undefined;
  return resultsReply(context, { query, parsed, page, pageIndex, ...(sessionToken ? { token: sessionToken } : {}), ...(askToken ? { askToken } : {}) });
}

function saveSession(context: CommandContext, query: string): Promise<string> {
  const { platform, sender } = context.incoming;
  return context.services.sessions.save({ query, platform, userId: sender.id });
}

function usage(context: CommandContext): Reply {
  return reply([paragraph(text(context.t('search.usage', { example: context.command('search', searchExample(context)) })))]);
}
