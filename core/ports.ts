/**
 * The ports core needs from the outside world. db/, locales/ and bots/
 * implement them; core only depends on these shapes.
 */
import type { LibraryDocument } from './library/document.ts';
import type { PlatformName } from './model/incoming.ts';
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
