/**
 * Every SQLite implementation of a core port over one open database: what
 * the composition root and the test harness both build.
 */
import type { Clock } from '../core/ports.ts';
import { Publishers } from '../core/questions/question-ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { SqliteAccountSettings } from './sqlite-account-settings.ts';
import { SqliteAccountLinks } from './sqlite-account-links.ts';
import { SqliteAuditLog } from './sqlite-audit-log.ts';
import { SqliteButtonPayloads } from './sqlite-button-payloads.ts';
import { SqliteChatDirectory } from './sqlite-chat-directory.ts';
import { SqliteContentDrafts } from './sqlite-content-drafts.ts';
import { SqliteContentStore } from './sqlite-content-store.ts';
import { SqliteDigestLedger } from './sqlite-digest-ledger.ts';
import { createDigestSources } from './sqlite-digest-sources.ts';
import { SqliteDigestSubscriptions } from './sqlite-digest-subscriptions.ts';
import { SqliteDocumentSearch, type SearchLimits } from './sqlite-document-search.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';
import { SqliteExpertProfiles } from './sqlite-expert-profiles.ts';
import { SqliteInboundLedger } from './sqlite-inbound-ledger.ts';
import { SqliteMemberPreferences } from './sqlite-member-preferences.ts';
import { SqliteMembers } from './sqlite-members.ts';
import { SqlitePendingInputs } from './sqlite-pending-inputs.ts';
import { SqlitePersonalData } from './sqlite-personal-data.ts';
import { SqliteQuestionStore } from './sqlite-question-store.ts';
import { SqliteSearchSessions } from './sqlite-search-sessions.ts';

export interface SqliteServiceOptions {
  searchLimits?: SearchLimits;
  /** Accounts that are administrators from the moment they join (CPHUB_ADMINS). */
  admins?: ReadonlyArray<{ platform: string; userId: string }>;
  /** `approved`: newcomers wait for a moderator. */
  membership?: 'open' | 'approved';
}

export function createSqliteServices(db: OpenDatabase, clock: Clock, options: SqliteServiceOptions = {}) {
  const content = new SqliteContentStore(db, clock);
  const questions = new SqliteQuestionStore(db, clock);
  return {
    store: new SqliteDocumentStore(db),
    content,
    postDrafts: new SqliteContentDrafts(db, clock),
    subscriptions: new SqliteDigestSubscriptions(db, clock),
    digestSources: createDigestSources(db, content, questions),
    digestLedger: new SqliteDigestLedger(db, clock),
    search: new SqliteDocumentSearch(db, options.searchLimits),
    settings: new SqliteAccountSettings(db, clock),
    sessions: new SqliteSearchSessions(db, clock),
    chats: new SqliteChatDirectory(db, clock),
    ledger: new SqliteInboundLedger(db, clock),
    buttons: new SqliteButtonPayloads(db, clock),
    members: new SqliteMembers(db, clock, options.admins, options.membership),
    experts: new SqliteExpertProfiles(db, clock),
    audit: new SqliteAuditLog(db),
    links: new SqliteAccountLinks(db, clock),
    personalData: new SqlitePersonalData(db, clock),
    pendingInputs: new SqlitePendingInputs(db, clock),
    questions,
    // Not SQLite: the platforms' publishers, registered as their adapters are created (main.ts, the test harnesses).
    publishers: new Publishers(),
    preferences: new SqliteMemberPreferences(db, clock),
  };
}

export type SqliteServices = ReturnType<typeof createSqliteServices>;
