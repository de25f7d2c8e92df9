/**
 * Expert profiles and the directory built from them. Topics, languages and
 * countries are JSON arrays of keys; the directory filters them with
 * json_each (a network of a few thousand members needs no index for it).
 */
import { and, asc, eq, inArray, isNotNull, sql, type Column, type SQL } from 'drizzle-orm';
import type { Clock, DirectoryEntry, ExpertProfile, ExpertProfiles } from '../core/ports.ts';
import { parseJsonList } from './json-list.ts';
import type { OpenDatabase } from './open-database.ts';
import { expertProfiles } from './schema/expert-profiles.ts';
import { members } from './schema/members.ts';

/** The roles whose holders may be listed: experts, and staff who are experts too. */
const LISTABLE_ROLES = ['expert', 'moderator', 'admin'] as const;

export class SqliteExpertProfiles implements ExpertProfiles {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async get(memberId: string): Promise<ExpertProfile | undefined> {
    const row = this.db.orm.select().from(expertProfiles).where(eq(expertProfiles.memberId, memberId)).get();
    return row ? { topics: parseJsonList(row.topics), languages: parseJsonList(row.languages), countries: parseJsonList(row.countries), listed: row.listed } : undefined;
  }

  async update(memberId: string, change: Partial<ExpertProfile>): Promise<void> {
    const updatedAt = this.clock.now().toISOString();
    const set = {
      ...(change.topics ? { topics: JSON.stringify(change.topics) } : {}),
      ...(change.languages ? { languages: JSON.stringify(change.languages) } : {}),
      ...(change.countries ? { countries: JSON.stringify(change.countries) } : {}),
      ...(change.listed !== undefined ? { listed: change.listed } : {}),
      updatedAt,
    };
    this.db.orm.insert(expertProfiles).values({ memberId, ...set }).onConflictDoUpdate({ target: expertProfiles.memberId, set }).run();
  }

  async directory(filter: { topic?: string; country?: string }, offset: number, limit: number): Promise<{ total: number; entries: DirectoryEntry[] }> {
    const where = and(
      eq(expertProfiles.listed, true),
      eq(members.status, 'active'),
      inArray(members.role, [...LISTABLE_ROLES]),
      isNotNull(members.displayName),
      filter.topic ? contains(expertProfiles.topics, filter.topic) : undefined,
      filter.country ? contains(expertProfiles.countries, filter.country) : undefined,
    );
    const { orm } = this.db;
    const from = () => orm.select({ member: members, expert: expertProfiles }).from(expertProfiles).innerJoin(members, eq(members.id, expertProfiles.memberId));
    const total = orm.select({ count: sql<number>`count(*)` }).from(expertProfiles).innerJoin(members, eq(members.id, expertProfiles.memberId)).where(where).get()?.count ?? 0;
    const rows = from().where(where).orderBy(asc(sql`${members.displayName} COLLATE NOCASE`), asc(members.id)).limit(limit).offset(offset).all();
    const entries = rows.map(({ member, expert }) => ({
      memberId: member.id,
      displayName: member.displayName!,
      ...(member.profession ? { profession: member.profession } : {}),
      ...(member.organisation ? { organisation: member.organisation } : {}),
      topics: parseJsonList(expert.topics),
      languages: parseJsonList(expert.languages),
      countries: parseJsonList(expert.countries),
    }));
    return { total, entries };
  }
}

function contains(column: Column, value: string): SQL {
  return sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_each.value = ${value})`;
}
