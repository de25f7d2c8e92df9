import { foldText } from './fold.ts';

/**
 * Function words dropped from a query (never from the index) when other words
 * remain: "violence against the children" must find a title without "the".
 * Short hand-made lists: stopwords-iso lacks sq, sr, bs and mk, and its long
 * lists drop words members really search for. Folded like the index.
 */
const BY_LANGUAGE: Record<string, string> = {
  en: 'a an the and or of to in on at for from by with without about into as is are was were be been it its this that these those their his her not no',
  sh: 'i a ili ali te pa da je su se sa s u na o od do za iz po pri kod uz kroz prema bez li ni niti ne što sto koji koja koje kojih ovaj ova ovo taj to',
  sq: 'e i a te të dhe ose në ne nga per për me pa mbi nen nën se si që qe ku ky kjo keto këto ato eshte është jane janë nje një',
  bg: 'и или но а в във на за от до с със по при към без че да ли не е са се си то тя той те този тази това тези',
  mk: 'и или но а во на за од до со по при кон без дека да ли не е се си тој таа тоа тие овој оваа ова овие',
  ro: 'si și sau dar a al ai ale la in în din de pe cu pentru prin spre fara fără un o unui unei ce care este sunt se sa să nu',
  hu: 'a az es és vagy de egy is nem hogy mint meg mar már csak ez azt ezt van volt lesz',
};

export const STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(BY_LANGUAGE).flatMap((words) => foldText(words).split(/\s+/)),
);

export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}
