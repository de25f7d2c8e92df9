/**
 * `/timezone [zone]`: the zone event times are shown in. Without a choice a
 * member's times follow their country (core/content/time-zones.ts); `-`
 * goes back to that.
 */
import { countryTimeZone, resolveTimeZone } from '../content/time-zones.ts';
import { requireMember } from '../members/member-context.ts';
import { timeZoneOf } from '../members/member-preferences.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { fail, ok, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

type TimezoneArgs = { kind: 'show' } | { kind: 'reset' } | { kind: 'set'; zone: string };

export const timezoneCommand: CommandSpec<TimezoneArgs> = {
  name: 'timezone',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.timezone',
  parse: (args) => {
    if (!args) return ok({ kind: 'show' });
    if (args === '-') return ok({ kind: 'reset' });
    const zone = resolveTimeZone(args);
    return zone ? ok({ kind: 'set', zone }) : fail(new UserError('timezone.unknown', { value: args, example: '/timezone Europe/Sofia' }));
  },
  async run(context, args) {
    if (args.kind === 'show') {
      const zone = await timeZoneOf(context);
      const chosen = context.member ? await context.services.preferences.timeZone(context.member.id) : undefined;
      const from = chosen ? 'timezone.fromChoice' : context.member?.profile.country && countryTimeZone(context.member.profile.country) ? 'timezone.fromCountry' : 'timezone.fromHub';
      return reply([paragraph(text(context.t(from, { zone }))), paragraph(text(context.t('timezone.howTo', { example: context.command('timezone', 'Europe/Sofia'), reset: context.command('timezone', '-') })))], { private: true });
    }
    const member = requireMember(context);
    await context.services.preferences.setTimeZone(member.id, args.kind === 'set' ? args.zone : undefined);
    const zone = await timeZoneOf(context);
    const now = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(context.services.clock.now());
    return reply([paragraph(text(context.t('timezone.saved', { zone, time: now })))], { private: true });
  },
};
