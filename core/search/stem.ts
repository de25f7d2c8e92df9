/**
 * A light, language-blind stemmer for folded words.
 *
 * Slavic, Romanian, Albanian and Hungarian words change their endings
 * ("nasilje / nasilja / nasiljem", "dreptul / drepturile", "arsimi / arsimit",
 * "oktatás / oktatáshoz"). The query word is cut back to a stem and searched
 * as a prefix (`stem*`), so every form that starts with the stem matches.
 * The query's language is often unknown (members mix languages), so one list
 * holds the common endings of all the hub's languages, already folded.
 * Index text is never stemmed: only the query, so a better stemmer later
 * needs no re-index.
 */
const ENDINGS = [
  // English
  'ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'ly', 'ments', 'ment',
  // BCMS, Macedonian and Bulgarian (folded Latin)
  'ovima', 'evima', 'ijama', 'ijom', 'ije', 'ija', 'iju', 'ama', 'ima', 'ih', 'im', 'om', 'em', 'oj', 'og', 'oga', 'omu', 'ega', 'emu',
  'ski', 'ska', 'sko', 'ske', 'skih', 'skim', 'skog', 'skoj', 'skom', 'nost', 'nosti', 'nja', 'nju', 'nje', 'njem', 'njima',
  'ati', 'iti', 'eti', 'aju', 'uje', 'uju', 'ite', 'ata', 'ato', 'ta', 'to', 'te', 'ot', 'ov', 'ovi', 'ove', 'ova',
  'ie', 'ia', 'ii',
  // Romanian (folded)
  'ului', 'ilor', 'elor', 'lor', 'ul', 'uri', 'urile', 'urilor', 'ile', 'ele', 'le', 'ea', 'ei', 'iei', 'iile', 'area', 'arii', 'ari', 'atie', 'atiei', 'atii', 'iune', 'iunea', 'iunii',
  // Albanian (folded)
  'it', 'in', 'ise', 've', 'eve', 'ave', 'et', 'at', 'es', 'rat', 'ret', 'imi', 'imit', 'imin', 'jes', 'ja', 'je',
  // Hungarian (folded; "-hoz" after an s folds to "-oz" because sh → s)
  'ek', 'ok', 'ak', 'nak', 'nek', 'ban', 'ben', 'ba', 'be', 'bol', 'rol', 'tol', 'ra', 're', 'val', 'vel', 'hoz', 'hez', 'oz', 'ez', 'on', 'en', 'ert', 'kent', 'ig', 'uk', 'juk', 'eik', 'aik', 'sag', 'seg',
  // single vowels (the most common case ending of all)
  'a', 'e', 'i', 'o', 'u',
];

/** Longest first, so "-ation" wins over "-ion" and "-s". */
const ORDERED = [...new Set(ENDINGS)].sort((a, b) => b.length - a.length);

/** A stem shorter than this matches too many unrelated words. */
export const MIN_STEM_LENGTH = 4;

export function stem(foldedWord: string): string {
  if (/\d/.test(foldedWord)) return foldedWord;
  for (const ending of ORDERED) {
    if (foldedWord.endsWith(ending) && foldedWord.length - ending.length >= MIN_STEM_LENGTH) {
      return foldedWord.slice(0, foldedWord.length - ending.length);
    }
  }
  return foldedWord;
}
