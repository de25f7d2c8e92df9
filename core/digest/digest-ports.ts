/**
 * The weekly digest's ports: who receives it (subscriptions), what goes in
 * it (sources), and the delivery ledger that makes each one go out once.
 */
import type { ContentItem } from '../content/content-item.ts';
import type { LibraryDocument } from '../library/document.ts';
import type { PlatformName } from '../model/incoming.ts';
import type { OutboundTarget } from '../ports.ts';

export interface DigestFilter {
  /** Hub topic keys; empty: every topic. */
  topics: string[];
  /** ISO codes; empty: every country. Regional items always pass. */
  countries: string[];
}

export interface Subscription {
  /** `member:<id>` or `chat:<platform>:<id>`. */
  recipientKey: string;
  kind: 'member' | 'chat';
  memberId?: string;
  platform: PlatformName;
  target: OutboundTarget;
  /** A group's chosen language; a member's follows the member. */
  language: string;
  filter: DigestFilter;
}

/** A subscription as the job sends it: the language and time zone resolved. */
export interface DigestRecipient {
  key: string;
  platform: PlatformName;
  target: OutboundTarget;
  language: string;
  timeZone: string;
  filter: DigestFilter;
}

export interface DigestSubscriptions {
  /** The member's private digest, to this account (the platform they prefer: the last one they subscribed from). */
  subscribeMember(memberId: string, account: { platform: PlatformName; userId: string }, filter: DigestFilter): Promise<void>;
  subscribeChat(chat: { platform: PlatformName; conversationId: string; threadId?: string }, language: string, filter: DigestFilter, by: string): Promise<void>;
  unsubscribe(recipientKey: string): Promise<boolean>;
  find(recipientKey: string): Promise<Subscription | undefined>;
  /**
   * Everyone to send to: subscriptions made before `createdBefore`, of
   * active members and of chats the bot is still in, with each member's
   * language and time zone (their choice, else their country's, else `hubTimeZone`).
   */
  recipients(createdBefore: Date, hubTimeZone: string): Promise<DigestRecipient[]>;
  /** One of `recipients`, by its key: undefined when that one is not among them. */
  recipient(recipientKey: string, createdBefore: Date, hubTimeZone: string): Promise<DigestRecipient | undefined>;
}

/** A question as a digest shows it (db/sqlite-question-store.ts: no asker, so anonymity holds). */
export interface DigestQuestion {
  /** The question's short id (`Q7K2P`): its line ends with the command that opens it. */
  id?: string;
  title: string;
  url?: string;
  topics: string[];
  country: string;
  languageGroup: string;
}

export interface DigestSources {
  /** Library documents imported in [from, to). */
  newDocuments(from: Date, to: Date): Promise<LibraryDocument[]>;
  /** Content first seen in [from, to). */
  newContent(from: Date, to: Date): Promise<ContentItem[]>;
  /** Dated items still to happen at `from` that start before `until`. */
  upcoming(from: Date, until: Date): Promise<ContentItem[]>;
  /** Open questions that need an expert. */
  openQuestions(): Promise<DigestQuestion[]>;
  /** Questions answered in [from, to). */
  answeredQuestions(from: Date, to: Date): Promise<DigestQuestion[]>;
}

export const recipientKeyOfMember = (memberId: string): string => `member:${memberId}`;
export const recipientKeyOfChat = (platform: PlatformName, conversationId: string): string => `chat:${platform}:${conversationId}`;


/**
 * What a claim found. `resume`: a dead sender's digest, to finish after its
 * `partsSent` confirmed parts; `inFlight`: the part it had marked on its way
 * (at `since`) without hearing back.
 */
export type Claim =
  | { kind: 'fresh' }
  | { kind: 'resume'; partsSent: number; inFlight?: { index: number; since: Date }; replyJson: string | undefined }
  | { kind: 'done' }
  /** Failed as many times as the ledger allows: not sent this period, and not tried again. */
  | { kind: 'given-up'; attempts: number; error: string }
  | { kind: 'busy' };

export type DeliveryOutcome = 'sent' | 'empty' | 'unreachable' | 'failed';

/**
 * The delivery ledger, one row per period and recipient: claimed before
 * anything is sent, each part marked before it goes out and after the
 * platform confirmed it, finished at the end. See db/sqlite-digest-ledger.ts.
 */
export interface DigestLedger {
  claim(period: string, recipientKey: string): Claim;
  /** What `claim` would find now, taking nothing and writing nothing (a dry run, a preview). */
  peek(period: string, recipientKey: string): Claim;
  /** The composed digest, kept while it is being sent so a resumed send sends the same parts. */
  saveReply(period: string, recipientKey: string, replyJson: string): void;
  beforePart(period: string, recipientKey: string, index: number): void;
  afterPart(period: string, recipientKey: string, index: number): void;
  finish(period: string, recipientKey: string, outcome: DeliveryOutcome, error?: string): void;
  /** Gives the claim back after a passing failure (429, network): tried again later. */
  release(period: string, recipientKey: string, error: string): void;
  /** Rows of the period by status, for progress and the CLI. */
  counts(period: string): Record<string, number>;
}
