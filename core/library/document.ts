/** A document of the library, as core knows it (no database type crosses in). */
export interface LibraryDocument {
  id: string;
  title: string;
  summary: string;
  /** Optional full text; searched with the lowest weight. */
  body: string;
  /** The BCP 47 tag as imported, canonicalised (e.g. `sr-Cyrl`, `en`). */
  language: string;
  /** The search/UI language family: `sh` for all of BCMS, else the base code. */
  languageGroup: string;
  /** ISO 3166-1 alpha-2, `XK` for Kosovo; empty when the document is regional. */
  country: string;
  /** Lower case, e.g. `report`, `training material`. */
  type: string;
  topics: string[];
  publisher: string;
  year: number | null;
  url: string;
  /** The url is a third-party copy, not the publisher's own page: shown as "a copy". */
  urlIsMirror: boolean;
}
