/**
 * The ports core needs from the outside world. db/, locales/ and bots/
 * implement them; core only depends on these shapes.
 */
import type { LibraryDocument } from './library/document.ts';
import type { PlatformName } from './model/incoming.ts';
import type { Reply } from './model/reply.ts';
import type { ParsedQuery } from './search/parsed-query.ts';

export interface SearchRequest {
  query: ParsedQuery;
  /** The member's language group, preferred among close scores. */
  preferredLanguage: string;
  offset: number;
  limit: number;
}

export interface SearchHit {
  document: LibraryDocument;
  /** Higher is better; comparable only within one search. */
  score: number;
}

export interface SearchPage {
  /** How many documents match; a lower bound when `totalIsAtLeast`. */
  total: number;
  /** A backend may stop counting a very broad query; the count then says "more than". */
  totalIsAtLeast?: boolean;
  hits: SearchHit[];
  /** How many matches per language and type, when the backend counts them (Typesense does, SQLite does not). */
  facets?: SearchFacets;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over all the matches, most first: languages by group (`sh`), types as stored. */
export interface SearchFacets {
  languages: FacetCount[];
  types: FacetCount[];
}

export interface DocumentSearch {
  search(request: SearchRequest): Promise<SearchPage>;
}

export interface DocumentRepository {
  findById(id: string): Promise<LibraryDocument | undefined>;
  count(): Promise<number>;
}

/** Per-account settings that exist before membership (issue 6) does. */
export interface AccountSettings {
  getLanguage(platform: PlatformName, userId: string): Promise<string | undefined>;
  setLanguage(platform: PlatformName, userId: string, language: string): Promise<void>;
}

/** State behind a button: a short token stands for a whole search. */
export interface SearchSessionState {
  query: string;
  platform: PlatformName;
  userId: string;
}

export interface SearchSessions {
  save(state: SearchSessionState): Promise<string>;
  load(token: string): Promise<SearchSessionState | undefined>;
}

export type ChatStatus = 'active' | 'left' | 'unreachable';

export interface ChatRecord {
  platform: PlatformName;
  id: string;
  kind: 'private' | 'group';
  title?: string;
  /** The language posts to this chat are written in. */
  language?: string;
  status: ChatStatus;
}

/** The conversations the bot is in, and whether a message can go there. */
export interface ChatDirectory {
  /** Adds the chat, or marks it active again with the new details. */
  remember(chat: Omit<ChatRecord, 'status'>): Promise<void>;
  find(platform: PlatformName, id: string): Promise<ChatRecord | undefined>;
  /** The bot left or was removed; the row stays so a return keeps its settings. */
  markLeft(platform: PlatformName, id: string): Promise<void>;
  /** The platform refused a message (blocked, kicked): stop sending there. Adds the chat if it was not known. */
  markUnreachable(chat: Pick<ChatRecord, 'platform' | 'id' | 'kind'>, reason: string): Promise<void>;
  /** Everything kept under `fromId` moves to `toId`, in one transaction. */
  move(platform: PlatformName, fromId: string, toId: string): Promise<void>;
}

/**
 * Platform events recorded before they are handled, so that none is lost to
 * a crash and none is handled twice when the platform delivers it again.
 */
export interface InboundLedger {
  /** Records the events; returns those still to handle (new, or received but never finished). */
  receive(platform: PlatformName, events: { id: string; payload: string }[]): Promise<string[]>;
  /** Marks the events handled (several at once: one write for a batch). */
  finish(platform: PlatformName, ...ids: string[]): Promise<void>;
  /** Received and never finished: handled again at start-up. */
  unfinished(platform: PlatformName): Promise<{ id: string; payload: string }[]>;
}

/** A button payload too long for the platform, kept behind a short token. */
export interface ButtonPayloads {
  save(payload: { actionId: string; value: string }): Promise<string>;
  load(token: string): Promise<{ actionId: string; value: string } | undefined>;
}

/** Where an unprompted message goes. */
export interface OutboundTarget {
  conversationId: string;
  threadId?: string;
}

/**
 * Sends messages nobody asked for just now (digests, answers, pings to
 * experts), within the platform's limits. Fails with `PlatformError`.
 */
export interface Messenger {
  readonly platform: PlatformName;
  send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void>;
  /**
   * How many messages `reply` becomes here (split at the platform's length
   * limit), where a platform paces messages to one chat: a fan-out starts
   * the longer ones first, so the last second's sends are not all waiting
   * for their own chat.
   */
  partsOf?(reply: Reply): number;
}

/**
 * A reply the platform receives as several messages (split at its length
 * limit), followed part by part: a resumed digest skips the parts already
 * delivered, and the ledger hears of each part before and after it goes.
 */
export interface SendProgress {
  /** Parts the platform confirmed before: not sent again. */
  skipParts?: number;
  /**
   * The part that was on its way when an earlier sender stopped, unconfirmed:
   * the messenger settles whether it arrived as its platform allows (an
   * idempotency tag, a look at the conversation); one that cannot tell counts
   * it as delivered (see core/delivery/send-parts.ts).
   */
  unconfirmed?: { index: number; since: Date };
  /** Names this delivery (period and recipient) to the platform, where a part can carry a tag that tells a resend from a new message. */
  deliveryId?: string;
  beforePart?(index: number): void | Promise<void>;
  afterPart?(index: number): void | Promise<void>;
}


/** What a member tells the network about themselves; every field may be left out. */
export interface MemberProfile {
  displayName?: string;
  /** ISO code, or `other`. */
  country?: string;
  profession?: string;
  organisation?: string;
  topics: string[];
}

export interface Member {
  id: string;
  role: 'member' | 'expert' | 'moderator' | 'admin';
  status: 'pending' | 'active' | 'suspended';
  /** The member's language, followed by every linked account that has not chosen its own. */
  language?: string;
  /** The privacy notice version the member agreed to. */
  consentVersion: string;
  consentedAt: Date;
  profile: MemberProfile;
}

/** A profile change: a field given as `null` is cleared, one left out is kept. */
export type ProfileChange = {
  [K in keyof MemberProfile]?: K extends 'topics' ? string[] : string | null;
};

/** What a role change did: `last-admin` when it would have left the hub without an administrator. */
export type RoleChange = 'changed' | 'unchanged' | 'last-admin' | 'not-found';

/** Members and the platform accounts that belong to them. */
export interface Members {
  findByAccount(platform: PlatformName, userId: string): Promise<Member | undefined>;
  /**
   * Makes the account a member who consented to `consentVersion` (the
   * account's existing member when there is one: consenting twice is one
   * member).
   */
  join(account: { platform: PlatformName; userId: string; displayName?: string; language: string }, consentVersion: string): Promise<Member>;
  findById(memberId: string): Promise<Member | undefined>;
  /** Members whose id starts with `prefix` (the short id lists show), at most `limit`. */
  findByIdPrefix(prefix: string, limit: number): Promise<Member[]>;
  /**
   * Changes a member's role and writes it to the audit log, with who decided
   * (`config`, `cli`, a member id). The last administrator keeps the role.
   */
  setRole(memberId: string, role: Member['role'], by: string): Promise<RoleChange>;
  /** Suspends an active member or lifts it (`active`); audited with who decided. A pending member is `unchanged`. */
  setStatus(memberId: string, status: 'active' | 'suspended', by: string): Promise<'changed' | 'unchanged' | 'not-found'>;
  setLanguage(memberId: string, language: string): Promise<void>;
  updateProfile(memberId: string, change: ProfileChange): Promise<void>;
  /** Members waiting for a moderator (approved membership), oldest first. */
  pending(limit: number): Promise<Array<Member & { displayName?: string }>>;
  /** A moderator's decision on a pending member: approved → active; declined → erased. Audited with who decided. */
  decide(memberId: string, approve: boolean, by: string): Promise<boolean>;
  /** The platform accounts that belong to the member, oldest link first. */
  accountsOf(memberId: string): Promise<Array<{ platform: PlatformName; userId: string; linkedAt: Date }>>;
}

/** What an expert says about their expertise (keys: topics, language groups, country codes). */
export interface ExpertProfile {
  topics: string[];
  languages: string[];
  countries: string[];
  /** Opted in to the directory (/experts). */
  listed: boolean;
}

/** One expert as the directory shows them: only what they chose to show. */
export interface DirectoryEntry {
  memberId: string;
  displayName: string;
  profession?: string;
  organisation?: string;
  topics: string[];
  languages: string[];
  countries: string[];
}

export interface ExpertProfiles {
  get(memberId: string): Promise<ExpertProfile | undefined>;
  /** Changes the fields given; the profile is created (unlisted, empty) when the member had none. */
  update(memberId: string, change: Partial<ExpertProfile>): Promise<void>;
  /**
   * Listed experts — opted in, active, with the expert role (or a staff
   * role) and a name — with this topic and country when given, by name.
   */
  directory(filter: { topic?: string; country?: string }, offset: number, limit: number): Promise<{ total: number; entries: DirectoryEntry[] }>;
}

/**
 * A question that waits for an account's next plain message (the name or
 * organisation step of onboarding). `step` is core's own identifier.
 */
export interface PendingInputs {
  get(account: { platform: PlatformName; userId: string }): Promise<{ step: string; since: Date } | undefined>;
  /** Replaces whatever the account was asked before. */
  set(account: { platform: PlatformName; userId: string }, step: string): Promise<void>;
  clear(account: { platform: PlatformName; userId: string }): Promise<void>;
}

export type LinkResult = 'linked' | 'invalid' | 'same-account';

/** One person, several accounts: one-time codes that join an account to a member. */
export interface AccountLinks {
  /** A code for this member, valid for `validMs`; the issuing account cannot use it. */
  issue(memberId: string, issuedTo: { platform: PlatformName; userId: string }, validMs: number): Promise<string>;
  /**
   * Joins the account to the code's member. An account that was another
   * member brings that member's other accounts along (one person, one member).
   * Unknown, used and expired codes are all `invalid`: a guesser learns nothing.
   */
  redeem(code: string, account: { platform: PlatformName; userId: string }): Promise<LinkResult>;
  /** Detaches this account from its member; false when it is the member's only account. */
  unlink(account: { platform: PlatformName; userId: string }): Promise<boolean>;
}

export interface AuditEntry {
  at: Date;
  action: string;
  /** The member acted on; empty for an erasure (never whose). */
  subject?: string;
  details?: string;
}

export interface AuditLog {
  recent(limit: number): Promise<AuditEntry[]>;
}

/** Everything kept about a person, across their linked accounts. */
export interface PersonalData {
  /**
   * Erases the member, every linked account's settings, saved searches and
   * private chats, in one transaction, and notes in the audit log that an
   * erasure happened (not whose). Returns the accounts erased.
   */
  erase(platform: PlatformName, userId: string): Promise<{ accounts: Array<{ platform: PlatformName; userId: string }> }>;
  /**
   * Everything kept about the person behind this account, on every linked
   * account, as plain JSON-able data (/mydata). Nothing about anyone else:
   * who decided an approval or a role change is not named.
   */
  export(platform: PlatformName, userId: string): Promise<Record<string, unknown>>;
}

/**
 * Copies of a member's data kept outside the database — the /mydata files
 * the console writes beside it —, erased by /forget with the rest.
 */
export interface MemberFiles {
  /** Deletes every such file of these accounts; resolves with how many went. */
  erase(accounts: ReadonlyArray<{ platform: PlatformName; userId: string }>): Promise<number>;
}

export type TranslationParams = Record<string, string | number>;

export interface Translator {
  /** The member languages with a full resource file (`sh-Cyrl` included). */
  readonly languages: readonly string[];
  t(language: string, key: string, params?: TranslationParams): string;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
