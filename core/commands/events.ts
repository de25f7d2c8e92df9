/** `/events [country:… topic:… lang:…]`: upcoming events, trainings and webinars, in the member's time zone. */
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import type { CommandSpec } from '../router/command.ts';
import type { TypedFilter } from '../content/content-filter-args.ts';
import { emptyListing, itemList, itemView, parseListingFilter } from './content-listing.ts';

export const EVENTS_SHOWN = 10;

export const eventsCommand: CommandSpec<TypedFilter> = {
  name: 'events',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.events',
  parse: (args) => parseListingFilter(args, '/events country:RS topic:online safety'),
  async run(context, filter) {
    const items = await context.services.content.upcoming(filter, context.services.clock.now(), undefined, EVENTS_SHOWN);
    const title = heading(context.t('content.eventsTitle'));
    if (items.length === 0) return reply([title, emptyListing(context, 'content.noEvents', filter, 'events')]);
    const view = await itemView(context);
    const zone = paragraph(text(context.t('content.timesIn', { zone: view.timeZone, command: context.command('timezone') })));
    return reply([title, itemList(view, items), zone]);
  },
};
