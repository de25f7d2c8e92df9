/** "every Monday at 09:00 (Europe/Belgrade)", in the member's language: when the weekly digest goes out. */
import { dateLocale } from '../content/format-content.ts';
import type { CommandContext } from '../router/command.ts';

export function weeklyWhen(context: CommandContext): string {
  const schedule = context.services.digestSchedule;
  if (!schedule) return context.t('digest.paused');
  // 2024-01-01 was a Monday: its weekday-th day names the schedule's day.
  const day = new Intl.DateTimeFormat(dateLocale(context.language), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, schedule.weekday)));
  const time = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  return context.t('digest.when', { day, time, zone: schedule.timeZone });
}
