/** `/news [country:… topic:… lang:…]`: the latest news of the network. */
import { heading, reply } from '../model/reply-builders.ts';
import type { CommandSpec } from '../router/command.ts';
import type { TypedFilter } from '../content/content-filter-args.ts';
import { emptyListing, itemList, itemView, parseListingFilter } from './content-listing.ts';

export const NEWS_SHOWN = 8;

export const newsCommand: CommandSpec<TypedFilter> = {
  name: 'news',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.news',
  parse: (args) => parseListingFilter(args, '/news country:RS topic:trafficking'),
  async run(context, filter) {
    const items = await context.services.content.latestNews(filter, NEWS_SHOWN);
    if (items.length === 0) return reply([heading(context.t('content.newsTitle')), emptyListing(context, 'content.noNews', filter, 'news')]);
    return reply([heading(context.t('content.newsTitle')), itemList(await itemView(context), items)]);
  },
};
