/**
 * The words that name a street in the hub's languages, as people write
 * them; the detector folds them (core/search/fold.ts), so "улица" and
 * "ulica" are one word and "rrugës" matches "rruges". `abbreviation`: counts
 * only with its dot ("ul.", not "ul"). `figurative`: the word also means
 * "the way" or "the market" ("rruga përpara", "calea spre", "piața
 * muncii"), so it counts only before a capitalised name.
 */
export interface StreetWord {
  abbreviation?: boolean;
  figurative?: boolean;
}

const ABBREVIATION: StreetWord = { abbreviation: true };
const FIGURATIVE: StreetWord = { figurative: true };
const PLAIN: StreetWord = {};

/** Before the street's name: "ul. Kneza Miloša 20", "Rruga e Durrësit nr. 45", "Str. Mihai Eminescu nr. 5". */
export const STREET_BEFORE_NAME: Record<string, StreetWord> = {
  // BCMS, Macedonian, Bulgarian
  'ul': ABBREVIATION, 'ulica': PLAIN, 'ulici': PLAIN, 'ulicu': PLAIN, 'ulice': PLAIN, 'улицата': PLAIN,
  'bul': ABBREVIATION, 'bulevar': PLAIN, 'bulevaru': PLAIN, 'булевард': PLAIN, 'булевардот': PLAIN,
  'trg': PLAIN, 'trgu': PLAIN, 'площад': PLAIN, 'пл': ABBREVIATION,
  // Albanian
  'rr': ABBREVIATION, 'rruga': FIGURATIVE, 'rrugës': FIGURATIVE, 'rrugën': FIGURATIVE,
  'bulevardi': PLAIN, 'bulevardit': PLAIN, 'sheshi': PLAIN, 'lagja': PLAIN, 'lagjja': PLAIN, 'lagjia': PLAIN, 'lagjes': PLAIN,
  // Romanian
  'str': ABBREVIATION, 'strada': PLAIN, 'bd': ABBREVIATION, 'bdul': ABBREVIATION, 'b-dul': PLAIN,
  'bulevardul': PLAIN, 'calea': FIGURATIVE, 'aleea': PLAIN, 'șos': ABBREVIATION, 'șoseaua': PLAIN,
  'piața': FIGURATIVE, 'intrarea': FIGURATIVE, 'splaiul': PLAIN,
};

/** After the street's name (Hungarian, English): "Kossuth Lajos utca 12.", "Andrássy út 60", "Baker Street 221". */
export const STREET_AFTER_NAME: Record<string, StreetWord> = {
  'utca': PLAIN, 'u': ABBREVIATION, 'út': PLAIN, 'útja': PLAIN, 'tér': PLAIN, 'körút': PLAIN, 'krt': ABBREVIATION,
  'köz': PLAIN, 'fasor': PLAIN, 'sétány': PLAIN, 'rakpart': PLAIN, 'lakótelep': PLAIN,
  'street': PLAIN, 'st': ABBREVIATION, 'road': PLAIN, 'rd': ABBREVIATION, 'avenue': PLAIN, 'ave': ABBREVIATION,
  'lane': PLAIN, 'boulevard': PLAIN,
};

/** Words that introduce a house number: "nr. 5", "br. 12", "бр. 3", "No. 7", "numri 45", "szám". */
export const HOUSE_NUMBER_WORDS = ['nr', 'no', 'br', 'broj', 'број', 'numri', 'numër', 'number', 'sz', 'szám'];

/** Short words inside street names: "Rruga e Durrësit", "Calea lui Traian", "Bulevar kralja Aleksandra". */
export const NAME_CONNECTORS = ['e', 'i', 'të', 'de', 'lui', 'a', 'al', 'of', 'the', 'na', 'od', 'на', 'sv', 'св'];
