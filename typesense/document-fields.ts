/** A library document as the Typesense collection holds it (collection-schema.ts). */
import type { LibraryDocument } from '../core/library/document.ts';
import { foldedTokens } from '../core/search/fold.ts';
import { LANGUAGE_FIELDS, languageField, prefixField } from './collection-schema.ts';
import { prefixTokens } from './search-tokens.ts';

export type TypesenseDocument = Record<string, string | number | string[]> & { id: string };

const HAS_FIELD = new Set(LANGUAGE_FIELDS.map((field) => field.group));

/** The type as one folded token: `type:training` matches "training material" by prefix, as in SQLite. */
export const typeKey = (type: string): string => foldedTokens(type).join('');

export function toTypesenseDocument(document: LibraryDocument, seq: number): TypesenseDocument {
  const meta = [...document.topics, document.publisher].join(' | ');
  const texts = { title: document.title, summary: document.summary, meta, body: document.body };
  const fields: TypesenseDocument = {
    id: document.id,
    seq,
    language: document.languageGroup,
    type: document.type,
    type_key: typeKey(document.type),
    country: document.country,
    year_sort: document.year ?? 0,
    topics: document.topics,
    topic_words: foldedTokens(document.topics.join(' ')).join(' '),
  };
  if (document.year !== null) fields.year = document.year;
  for (const [name, text] of Object.entries(texts)) {
    // Folded words joined by spaces: Typesense's tokenizer drops symbols
    // inside a word ("2026-03-14" would be one token, 20260314), FTS5's
    // splits there; spaces alone make both see the same words.
    fields[name] = foldedTokens(text).join(' ');
    fields[prefixField(name)] = prefixTokens(text);
  }
  if (HAS_FIELD.has(document.languageGroup)) {
    fields[languageField(document.languageGroup)] = [document.title, document.summary].filter(Boolean).join('\n');
  }
  return fields;
}
