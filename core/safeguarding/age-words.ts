/**
 * The words around an age or a birth date in the hub's languages, as people
 * write them (the detector folds them: Cyrillic and Latin, with or without
 * diacritics, are one list). Inflected forms are listed where a language
 * changes the word's ending; months are matched by their first letters.
 */

/** After the number: "12 godina", "7 vjeç", "12 години", "7 ani", "12 éves", "12 years". */
export const AGE_WORDS = [
  'godina', 'godine', 'godinu', 'godini', 'god', 'g', 'година', 'години', 'годину', 'год', 'г',
  'vjeç', 'vjeçe', 'vjeçare', 'vjeçar', 'vjeçari', 'vjet',
  'ani', 'an', 'éves', 'esztendős', 'years', 'year', 'yrs', 'yr', 'y.o', 'yo',
];

/** Joined to the number before a name: "12-godišnji Marko", "12-year-old Tom", "a 12 éves Anna", "12-годишната Мария". */
export const AGE_ADJECTIVES = [
  'godišnji', 'godišnja', 'godišnjeg', 'godišnjem', 'godišnjoj', 'godišnjak', 'godišnjakinja',
  'годишњи', 'годишња', 'годишен', 'годишна', 'годишниот', 'годишната', 'годишният', 'годишно',
  'vjeçar', 'vjeçari', 'vjeçare', 'vjeçarja', 'vjeçarit', 'vjeçares', 'year-old', 'years-old', 'éves',
];

/** Words that say "age" before the number, enough by themselves: "aged 12", "uzrasta 12", "e moshës 12", "în vârstă de 7". */
export const AGE_NOUNS = [
  'aged', 'age', 'uzrast', 'uzrasta', 'uzrastu', 'starosti', 'mosha', 'moshës', 'moshën', 'vârsta', 'vârstă', 'vârstei',
  'възраст', 'възрастта', 'возраст', 'életkor', 'életkorú',
];

/** Words that may stand between a name and its age: "Marko, star 12 godina", "Ana, e moshës", "Ana, de 7 ani", "Иван, на 12 години". */
export const AGE_LEADS = ['star', 'stara', 'staro', 'stari', 'de', 'în', 'na', 'на', 'е', 'e', 'i', 'is', 'je', 'ka', 'është'];

/** "born", and its forms for a boy and a girl: "rođen", "rođena", "рођен", "роден", "lindur", "născută", "született". */
export const BIRTH_WORDS = [
  'born', 'b', 'rođen', 'rođena', 'rođeno', 'rođeni', 'rođ', 'rodjen', 'rodjena', 'рођен', 'рођена', 'роден', 'родена',
  'родено', 'lindur', 'lindi', 'linduri', 'lindura', 'născut', 'născută', 'născuți', 'szül', 'született', 'szul',
];

/** Words between "born" and the date: "born on", "rođen dana", "rođena u", "lindur më", "născută în", "роден на". */
export const BIRTH_FILLERS = [
  'on', 'in', 'the', 'dana', 'godine', 'u', 'je', 'se', 'në', 'më', 'ne', 'me', 'në vitin', 'vitin', 'în', 'la', 'pe', 'anul',
  'в', 'на', 'през', 'година', 'godina', 'је', 'е', 'ben', 'ban', 'i', 'e',
];

/** The start of every month's name in the hub's languages (folded), enough to tell a month from any other word. */
export const MONTH_STARTS = [
  'jan', 'ian', 'feb', 'fev', 'shkurt', 'veljač', 'mar', 'ožuj', 'apr', 'prill', 'trav', 'maj', 'may', 'mai', 'máj',
  'svib', 'jun', 'iun', 'qershor', 'lipan', 'lipnj', 'jul', 'iul', 'korrik', 'srpan', 'srpnj', 'aug', 'avg', 'gusht',
  'kolovoz', 'sep', 'szep', 'shtator', 'ruj', 'okt', 'oct', 'tetor', 'listopad', 'nov', 'noem', 'noiem', 'nëntor',
  'stud', 'dec', 'dek', 'dhjet', 'prosin', 'siječ', 'sijeć', 'januar', 'януар', 'феб', 'март', 'април', 'май', 'юни',
  'юли', 'авг', 'септ', 'окт', 'ноем', 'декем', 'јан', 'јун', 'јул',
];
