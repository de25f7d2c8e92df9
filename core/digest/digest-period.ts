/**
 * Which weekly digest is due: the schedule's weekday and local time in its
 * zone (Monday 09:00 Europe/Belgrade by default) — 08:00 UTC in winter,
 * 07:00 in summer, whatever day the clocks change. A period is the ISO week
 * of its send time (`2026-W14`), the key of the delivery ledger.
 */
import { DateTime } from 'luxon';

export interface WeeklySchedule {
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export interface DigestPeriod {
  id: string;
  /** When it is due. */
  due: Date;
  /** The week it covers: [from, due). */
  from: Date;
}

/** Half a week: a Monday digest missed while the service was down still goes out until Thursday evening. */
export const RELEVANT_FOR_MS = 3.5 * 24 * 60 * 60 * 1000;
/** What "coming up" covers. */
export const UPCOMING_DAYS = 14;

function dueInWeek(schedule: WeeklySchedule, weekYear: number, weekNumber: number): DateTime {
  return DateTime.fromObject(
    { weekYear, weekNumber, weekday: schedule.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour: schedule.hour, minute: schedule.minute },
    { zone: schedule.timeZone },
  );
}

function periodAt(due: DateTime): DigestPeriod {
  return { id: `${due.weekYear}-W${String(due.weekNumber).padStart(2, '0')}`, due: due.toJSDate(), from: due.minus({ weeks: 1 }).toJSDate() };
}

/** The latest period due at or before `now`. */
export function latestPeriod(schedule: WeeklySchedule, now: Date): DigestPeriod {
  const local = DateTime.fromJSDate(now, { zone: schedule.timeZone });
  let due = dueInWeek(schedule, local.weekYear, local.weekNumber);
  if (due.toMillis() > now.getTime()) due = due.minus({ weeks: 1 });
  return periodAt(due);
}

export function nextPeriod(schedule: WeeklySchedule, now: Date): DigestPeriod {
  const latest = DateTime.fromJSDate(latestPeriod(schedule, now).due, { zone: schedule.timeZone });
  return periodAt(latest.plus({ weeks: 1 }));
}

/** A period still worth sending at `now` (sent late after a downtime, never replayed once stale). */
export function isRelevant(period: DigestPeriod, now: Date): boolean {
  const age = now.getTime() - period.due.getTime();
  return age >= 0 && age < RELEVANT_FOR_MS;
}

export function upcomingUntil(from: Date): Date {
  return new Date(from.getTime() + UPCOMING_DAYS * 24 * 60 * 60 * 1000);
}

/** The node-cron expression of the schedule (minute hour * * weekday, Sunday 0). */
export function cronExpression(schedule: WeeklySchedule): string {
  return `${schedule.minute} ${schedule.hour} * * ${schedule.weekday % 7}`;
}
