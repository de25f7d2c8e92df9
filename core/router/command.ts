/** The shapes of commands and button actions, and what they receive. */
import type { Incoming } from '../model/incoming.ts';
import type { Reply } from '../model/reply.ts';
import type {
  AccountLinks, AccountSettings, AuditLog, ChatDirectory, Clock, ExpertProfiles, Member, MemberFiles, Members, PendingInputs, PersonalData, DocumentRepository, DocumentSearch, Logger, SearchSessions, TranslationParams, Translator,
} from '../ports.ts';
import type { PlatformName } from '../model/incoming.ts';
import type { Publishers, QuestionStore } from '../questions/question-ports.ts';
import type { ContentRepository, PostDrafts } from '../content/content-ports.ts';
import type { DigestSources, DigestSubscriptions } from '../digest/digest-ports.ts';
import type { WeeklySchedule } from '../digest/digest-period.ts';
import type { MemberPreferences } from '../members/member-preferences.ts';
import type { UserError } from './user-error.ts';

export interface CoreServices {
  documents: DocumentRepository;
  search: DocumentSearch;
  settings: AccountSettings;
  chats: ChatDirectory;
  members: Members;
  experts: ExpertProfiles;
  personalData: PersonalData;
  /** Files of a member's data outside the database (the console's /mydata files), erased with the member. */
  memberFiles?: MemberFiles;
  pendingInputs: PendingInputs;
  audit: AuditLog;
  links: AccountLinks;
  sessions: SearchSessions;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  /** Questions and answers (issue 7). */
  questions: QuestionStore;
  /** Post, mark and take down messages on each running platform. */
  publishers: Publishers;
  /** Where every question is also posted (CPHUB_QA_CHANNELS). */
  qaChannels?: ReadonlyArray<{ platform: PlatformName; conversationId: string }>;
  /** News, events, trainings, webinars. */
  content: ContentRepository;
  postDrafts: PostDrafts;
  preferences: MemberPreferences;
  /** The zone for members who have none (CPHUB_TIME_ZONE). */
  hubTimeZone?: string;
  subscriptions: DigestSubscriptions;
  digestSources: DigestSources;
  /** When the weekly digest goes out; absent: it is switched off. */
  digestSchedule?: WeeklySchedule;
}

export interface CommandContext {
  incoming: Incoming;
  /** The member this account belongs to, when it has joined. */
  member?: Member;
  /** The member's interface language (`en`, `sh-Cyrl`, …). */
  language: string;
  t(key: string, params?: TranslationParams): string;
  /** A command as the member types it on this platform: `/search x`, or `/hub search x` on Slack. */
  command(name: string, args?: string): string;
  services: CoreServices;
}

export type ParseResult<A> = { ok: true; value: A } | { ok: false; error: UserError };

export type GuardResult = { ok: true } | { ok: false; error: UserError };
export type Guard = (context: CommandContext) => GuardResult | Promise<GuardResult>;

export interface CommandSpec<A = string> {
  name: string;
  /** Locale key of the one-line description in /help and command menus. */
  descriptionKey: string;
  /** Pure: turns the argument text into the command's arguments, or says what is wrong. */
  parse(args: string): ParseResult<A>;
  guards?: Guard[];
  /** Running it again for an edited message does no harm (it only reads, or sets what it set): see `Incoming.edited`. */
  repeatsOnEdit?: boolean;
  run(context: CommandContext, args: A): Promise<Reply>;
}

export interface ActionSpec {
  actionId: string;
  run(context: CommandContext, value: string): Promise<Reply>;
}

export const ok = <A>(value: A): ParseResult<A> => ({ ok: true, value });
export const fail = <A>(error: UserError): ParseResult<A> => ({ ok: false, error });
