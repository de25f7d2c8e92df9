/**
 * A member's time zone: their choice (`/timezone`), else their country's,
 * else the hub's (CPHUB_TIME_ZONE, Europe/Belgrade by default). Someone who
 * has not joined sees the hub's: a platform tells us no one's zone.
 */
import { memberTimeZone } from '../content/time-zones.ts';
import type { CommandContext } from '../router/command.ts';

export interface MemberPreferences {
  timeZone(memberId: string): Promise<string | undefined>;
  /** `undefined` goes back to the zone of the member's country. */
  setTimeZone(memberId: string, zone: string | undefined): Promise<void>;
}

export async function timeZoneOf(context: CommandContext): Promise<string> {
  const { member, services } = context;
  const chosen = member ? await services.preferences.timeZone(member.id) : undefined;
  return memberTimeZone(chosen, member?.profile.country, services.hubTimeZone);
}
