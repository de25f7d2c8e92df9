/**
 * Capitalised words that are not a person's name, so "Save the Children,
 * 30 years" or "Article (7)" is not a name with an age. Folded and matched
 * by their start when four letters or longer ("konvencij" also stops
 * "Konvencija", "Konvencije"), exactly when shorter ("Sin") or when marked
 * "=": words that begin common first names ("tata=" not to stop Tatjana,
 * "brat=" Bratislav, "dete=" Detelina, "rast=" Rastko). The lists keep to
 * words that are not first names themselves (no "Sofia", "Victoria", "Luna"
 * as stems); tests/core/safeguarding check over 200 of the region's names.
 */

/** People as nouns: the child, the girl, the victim, the client, the mother. */
const PERSON_NOUNS = [
  'child', 'children', 'kid', 'girl', 'boy', 'baby', 'babies', 'teen', 'son', 'daughter', 'victim', 'student', 'pupil',
  'client', 'minor', 'mother', 'father', 'parent', 'brother', 'sister', 'patient', 'survivor', 'orphan', 'infant', 'toddler', 'youth',
  'dete=', 'deteto', 'deteta', 'detetu', 'dijete', 'djeca', 'deca', 'dece', 'djece', 'dečak', 'dječak', 'djevojčic', 'devojčic', 'devojk', 'djevojk', 'sin', 'kći',
  'kćer', 'ćerk', 'brat=', 'sestr', 'majk', 'mama=', 'otac', 'oca', 'tata=', 'roditelj', 'žrtv', 'učenik', 'učenic', 'klijent',
  'maloljet', 'malolet', 'beba', 'tinejdžer', 'mladić', 'štićenik', 'korisnik',
  'fëmij', 'vajz', 'djali=', 'djalë=', 'nxënës', 'viktim', 'klient', 'nëna=', 'babai', 'vëlla', 'motr', 'adoleshent', 'i mitur',
  'copil', 'fata', 'fetiț', 'băiat', 'băieț', 'elev', 'mama=', 'tatăl', 'frate', 'sora=', 'adolescent', 'beneficiar',
  'gyerek', 'gyermek', 'lány', 'kislány', 'fiú', 'kisfiú', 'áldozat', 'tanuló', 'diák', 'kliens', 'anyja', 'édesanya', 'testvér',
  'дете=', 'деца', 'детето', 'децата', 'момиче', 'момче', 'девојче', 'жертв', 'ученик', 'клиент', 'майка', 'баща',
  'син', 'дъщеря', 'непълнолет', 'малолет', 'бебе', 'тийнейджър',
];

/** Professions before a name: "Învățătoarea Ioana Pop, 34 de ani", "Nastavnica Ana (29)". */
const PROFESSIONS = [
  'teacher', 'doctor', 'nurse', 'judge', 'officer', 'worker', 'psychologist', 'prosecutor', 'lawyer', 'mentor', 'director',
  'nastavni', 'učitelj', 'profesor', 'doktor', 'lekar', 'ljekar', 'liječni', 'sudij', 'sutkinj', 'sudac', 'psiholog', 'pedagog',
  'policaj', 'radnic', 'radnik', 'advokat', 'odvjetni', 'tužil', 'direktor', 'vaspitač', 'odgajatelj',
  'mësues', 'mjek', 'gjyqtar', 'psikolog', 'punonjës', 'polic', 'avokat', 'drejtor', 'edukator',
  'învățăto', 'educatoar', 'medic', 'asistent', 'judecător', 'polițist', 'director', 'consilier',
  'tanár', 'tanító', 'orvos', 'bíró', 'pszichológus', 'rendőr', 'védőnő', 'igazgató', 'óvónő', 'ügyvéd',
  'учител', 'лекар', 'доктор', 'съдия', 'психолог', 'полицай', 'директор', 'адвокат', 'социален работник',
];

/** Institutions, laws and documents: "Council of Europe, 70 years", "Lanzarote Convention (2007)". */
const INSTITUTION_WORDS = [
  'convention', 'council', 'committee', 'europe', 'union', 'nations', 'strategy', 'law', 'act', 'protocol', 'directive',
  'program', 'project', 'centre', 'center', 'ministry', 'institute', 'office', 'agency', 'network', 'fund', 'foundation',
  'association', 'university', 'school', 'hospital', 'court', 'police', 'article', 'section', 'annex', 'paragraph', 'point',
  'chapter', 'table', 'figure', 'page', 'step=', 'question', 'case', 'report', 'plan', 'day', 'week', 'month', 'year',
  'konvencij', 'savet', 'vijeć', 'komitet', 'evrop', 'europ', 'unij', 'strategij', 'zakon', 'protokol', 'direktiv',
  'projek', 'centar', 'centr', 'ministarst', 'institut', 'kancelarij', 'ured', 'agencij', 'mrež', 'fond', 'fondacij',
  'zaklad', 'udruženj', 'udrug', 'univerzitet', 'sveučilišt', 'škol', 'bolnic', 'sud', 'policij', 'član', 'čl', 'stav=',
  'tačk', 'točk', 'odeljak', 'odjeljak', 'aneks', 'prilog', 'poglavlj', 'tabel', 'slik', 'strana', 'stranic', 'korak', 'pitanj',
  'slučaj', 'izveštaj', 'izvještaj', 'godin', 'mesec', 'mjesec', 'nedelj', 'tjedan',
  'konvent', 'këshill', 'komitet', 'bashkim', 'strategji', 'ligj', 'protokoll', 'programi', 'projekt', 'qendr', 'ministri',
  'zyr', 'agjenci', 'rrjet', 'fondacion', 'shoqat', 'universitet', 'shkoll', 'spital', 'gjykat', 'polici', 'neni=', 'pika=',
  'kapitull', 'tabela', 'faqe', 'pyetj', 'rast=', 'raport', 'vit', 'muaj', 'javë',
  'convenți', 'consiliu', 'comitet', 'uniune', 'strategi', 'lege', 'legea', 'protocol', 'programul', 'proiect', 'centrul',
  'minister', 'institutul', 'birou', 'agenți', 'rețea', 'fondul', 'fundați', 'asociați', 'universitat', 'școal', 'spitalul',
  'tribunal', 'poliți', 'articol', 'alineat', 'anex', 'capitol', 'tabelul', 'figura', 'pagin', 'întrebar', 'cazul', 'raportul',
  'anul', 'săptămân',
  'egyezmény', 'tanács', 'bizottság', 'európ', 'unió', 'stratégi', 'törvény', 'központ', 'minisztérium', 'intézet',
  'hivatal', 'ügynökség', 'hálózat', 'alapítvány', 'egyesület', 'egyetem', 'iskol', 'kórház', 'bíróság', 'rendőrség',
  'cikk', 'bekezdés', 'fejezet', 'táblázat', 'ábra=', 'oldal', 'kérdés', 'jelentés', 'hónap', 'hét',
  'конвенци', 'съвет', 'комитет', 'европ', 'съюз', 'стратеги', 'закон', 'програм', 'проект', 'център', 'министерств',
  'институт', 'агенци', 'мреж', 'фондаци', 'асоциаци', 'университет', 'училищ', 'болниц', 'съд', 'полици', 'член', 'чл',
  'алинея', 'точка', 'глава', 'таблиц', 'страниц', 'въпрос', 'доклад', 'година', 'месец', 'седмиц',
];

/** The region's countries and large cities: "Serbia (12), Kosovo (7)" counts cases, not ages. */
const PLACES = [
  'serbi', 'srbij', 'albani', 'shqipëri', 'kosov', 'bulgari', 'българи', 'romani', 'români', 'hungar', 'magyarorsz',
  'croati', 'hrvatsk', 'bosni', 'bih', 'montenegr', 'crna', 'makedonij', 'macedoni', 'slovenij', 'sloveni', 'moldov',
  'beograd', 'belgrad', 'tiran', 'prishtin', 'prištin', 'bucurești', 'bucharest', 'budapest', 'zagreb', 'sarajev',
  'podgoric', 'skopj', 'ljubljan', 'chișinău', 'novi=', 'niš', 'split', 'mostar', 'durrës', 'cluj', 'plovdiv', 'debrecen',
];

/** Sentence-starting words that come before names: "My Ana", "Naša Marija", "Ky Arben". */
const FUNCTION_WORDS = [
  'the', 'a', 'an', 'my', 'our', 'his', 'her', 'their', 'this', 'that', 'mr', 'mrs', 'ms', 'dr',
  'moj', 'moja', 'naš', 'naša', 'ovaj', 'ova', 'ovo', 'taj', 'ta', 'njegov', 'njen', 'jedan', 'jedna', 'gospodin', 'gospođa',
  'ky', 'kjo', 'një', 'im', 'ime', 'zoti', 'zonja', 'un', 'o', 'acest', 'această', 'domnul', 'doamna', 'az', 'egy', 'ez',
  'този', 'тази', 'моя', 'моята', 'господин', 'госпожа',
];

/** Words before which a capitalised word is a place: "in Niš, 12 years", "u Beogradu (7)". */
export const PLACE_PREPOSITIONS = ['in', 'at', 'from', 'u', 'na', 'iz', 'kod', 'në', 'nga', 'în', 'din', 'la', 'в', 'във', 'от', 'во'];

export const NOT_NAMES = [...PERSON_NOUNS, ...PROFESSIONS, ...INSTITUTION_WORDS, ...PLACES, ...FUNCTION_WORDS];
