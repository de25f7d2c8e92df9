/**
 * The safeguarding check on questions as members write them: what it must
 * find (each kind, in the hub's languages and scripts) and what it must
 * leave alone (dates, years, laws, document and page numbers, prices, case
 * numbers, look-alike IDs with wrong check digits).
 */
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../core/safeguarding/detect-personal-data.ts';
import type { Finding } from '../../../core/safeguarding/finding.ts';
import { redact } from '../../../core/safeguarding/redact.ts';

const found = (text: string): Array<Pick<Finding, 'kind' | 'text' | 'scheme'>> =>
  detectPersonalData(text).map(({ kind, text: what, scheme }) => (scheme ? { kind, text: what, scheme } : { kind, text: what }));

describe('national ID numbers with valid check digits', () => {
  it.each([
    ['Dete ima JMBG 0304015715005, šta da radim?', '0304015715005', 'jmbg'],
    ['ЕМБГ на детето е 1203012455005', '1203012455005', 'jmbg'],
    ['Numri personal i vjetër 2505990910008 nga Kosova', '2505990910008', 'jmbg'],
    ['ЕГН на момичето: 1544031230', '1544031230', 'egn'],
    ['CNP-ul copilului este 6150403400122.', '6150403400122', 'cnp'],
    ['OIB djeteta je 94577403194', '94577403194', 'oib'],
    ['Numri personal i vajzës është L55403123F', 'L55403123F', 'albanian-nid'],
    ['numri personal: 1234567892 (Kosovë)', '1234567892', 'kosovo-personal-number'],
    ['His personal number is 1000000019', '1000000019', 'kosovo-personal-number'],
  ])('%s', (text, number, scheme) => {
    expect(found(text)).toEqual([{ kind: 'id-number', text: number, scheme }]);
  });

  it.each([
    ['JMBG 0304015715006', 'a 13-digit number with a wrong JMBG check digit: an ordinary number (a case or invoice number)'],
    ['broj predmeta 1234567890123', 'a 13-digit case number'],
    ['CNP 6150403400123', 'a CNP with a wrong check digit'],
    ['ЕГН 1544031231', 'an EGN with a wrong check digit'],
    ['OIB 94577403195', 'an OIB with a wrong check digit'],
    ['L55403123A', 'an Albanian NID with a wrong check letter'],
    ['Invoice 1234567892 of 2021', 'ten digits without a personal-number label are not a Kosovo number'],
    ['ISBN 9788675491234', 'an ISBN-13'],
  ])('not %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('digits in groups are not read as an ID (groups of digits are dates, prices, phone numbers)', () => {
    expect(found('0304 015 715 005').filter((f) => f.kind === 'id-number')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['Majka je na +381 64 123 4567', '+381 64 123 4567'],
    ['pozovite 064/123-4567 posle 17h', '064/123-4567'],
    ['mob. 064.123.4567', '064.123.4567'],
    ['Centar: (011) 3234-567', '(011) 3234-567'],
    ['tel. 3234-567', '3234-567'],
    ['nëna: +355 69 212 3456', '+355 69 212 3456'],
    ['телефон 0888 123 456', '0888 123 456'],
    ['sunați la 0721 234 567', '0721 234 567'],
    ['hívja: 06 30 123 4567', '06 30 123 4567'],
    ['(06-1) 234-5678', '(06-1) 234-5678'],
    ['+385 91 234 5678', '+385 91 234 5678'],
    ['00387 61 123 456', '00387 61 123 456'],
    ['+382 67 123 456', '+382 67 123 456'],
    ['070 123 456 (Skopje)', '070 123 456'],
    ['+383 44 123 456', '+383 44 123 456'],
    ['+40 721 234 567', '+40 721 234 567'],
    ['+359 88 812 3456', '+359 88 812 3456'],
    ['+36 30 123 4567', '+36 30 123 4567'],
    ['0641234567', '0641234567'],
  ])('%s', (text, phone) => {
    expect(found(text)).toEqual([{ kind: 'phone', text: phone }]);
  });

  it('finds two numbers in one sentence, separately', () => {
    expect(found('+359 88 812 3456, 0888 123 456').map((f) => f.text)).toEqual(['+359 88 812 3456', '0888 123 456']);
  });

  it.each([
    ['the SOS helpline 0800 123 456', 'a toll-free service number'],
    ['call 116 111', 'the child helpline'],
    ['cena 12.500 RSD', 'a price'],
    ['1 234 567 lei', 'an amount'],
    ['predmet K-123/2021', 'a case number'],
    ['2345/2019', 'a decision number'],
    ['sastanak 03.04.2015', 'a date'],
  ])('not %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['pišite na ana.petrovic@gmail.com', 'ana.petrovic@gmail.com'],
    ['email: arben_k+case@yahoo.co.uk.', 'arben_k+case@yahoo.co.uk'],
    ['info@sos-decija-sela.rs', 'info@sos-decija-sela.rs'],
  ])('%s', (text, email) => {
    expect(found(text)).toEqual([{ kind: 'email', text: email }]);
  });

  it('not a mention (@ana) nor an @ in a sentence', () => {
    expect(found('@ana can you help? meet @ 10')).toEqual([]);
  });
});

describe('street addresses', () => {
  it.each([
    ['Živi u ul. Kneza Miloša 20 u Beogradu', 'ul. Kneza Miloša 20'],
    ['улица Краља Петра 5, Ниш', 'улица Краља Петра 5'],
    ['Bulevar oslobođenja 12', 'Bulevar oslobođenja 12'],
    ['ul. kneza milosa 20', 'ul. kneza milosa 20'],
    ['ul. 27. marta 5', 'ul. 27. marta 5'],
    ['Rruga e Durrësit, nr. 45, Tiranë', 'Rruga e Durrësit, nr. 45'],
    ['Rr. Myslym Shyri 12', 'Rr. Myslym Shyri 12'],
    ['Str. Mihai Eminescu nr. 5', 'Str. Mihai Eminescu nr. 5'],
    ['strada Victoriei 12A, bl. 3', 'strada Victoriei 12A'],
    ['бул. Витоша 15', 'бул. Витоша 15'],
    ['Kossuth Lajos utca 12.', 'Kossuth Lajos utca 12'],
    ['Andrássy út 60', 'Andrássy út 60'],
    ['Baker Street 221b', 'Baker Street 221b'],
    ['221b Baker Street', '221b Baker Street'],
    ['ul. Ilica bb', 'ul. Ilica bb'],
    ['Rruga e Durresit nr. 45', 'Rruga e Durresit nr. 45'],
    ['ул. „Граф Игнатиев“ 15', 'ул. „Граф Игнатиев“ 15'],
    ['ulica Kralja Petra I 5', 'ulica Kralja Petra I 5'],
    ['Bulevar Mihajla Pupina 10a/3', 'Bulevar Mihajla Pupina 10a/3'],
    ['Kossuth u. 12', 'Kossuth u. 12'],
    ['str. Ștefan cel Mare nr. 12, Chișinău', 'str. Ștefan cel Mare nr. 12'],
  ])('%s', (text, address) => {
    expect(found(text)).toEqual([{ kind: 'address', text: address }]);
  });

  it.each([
    ['vidi str. 45 i str. 12-15', 'pages in BCMS'],
    ['Rruga drejt 2030', 'a year is no house number'],
    ['rruga përpara 3 hapa', '"the way forward": figurative, lower case'],
    ['calea spre integrare 3', 'figurative'],
    ['piața muncii 5 ani', '"the labour market"'],
    ['Zakon ("Sl. glasnik RS", br. 72/2009)', 'a law in the Official Gazette'],
    ['Legea nr. 272/2004', 'a Romanian law'],
    ['živi u Ilici', 'a street without a number'],
  ])('not %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a name next to an age or a birth date', () => {
  it.each([
    ['Marko Petrović, 12 godina, živi sa bakom', 'Marko Petrović'],
    ['Марко Петровић, 12 година', 'Марко Петровић'],
    ['Marko Petrovic, 12 godina', 'Marko Petrovic'],
    ['Иван Петров, на 12 години', 'Иван Петров'],
    ['Arben Krasniqi, 7 vjeç', 'Arben Krasniqi'],
    ['Maria Popescu, în vârstă de 7 ani', 'Maria Popescu'],
    ['a 12 éves Kovács Anna', 'Kovács Anna'],
    ['Kovács Anna (12 éves)', 'Kovács Anna'],
    ['12-year-old Tom Smith', 'Tom Smith'],
    ['12-godišnji Marko', 'Marko'],
    ['Tom Smith, aged 12', 'Tom Smith'],
    ['Marko Petrović, rođen 2014', 'Marko Petrović'],
    ['Ana Petrović (rođ. 2015)', 'Ana Petrović'],
    ['Arben, 7 vjeç', 'Arben'],
    ['Învățătoarea Ioana Pop, 34 de ani', 'Ioana Pop'],
    ['My son Luka (5) has autism', 'Luka'],
    ['Марко, рођен 2014', 'Марко'],
    ['Petar, 12 god.', 'Petar'],
    ['Marko, rođen 2014', 'Marko'],
  ])('%s', (text, name) => {
    expect(found(text)).toEqual([{ kind: 'name-with-age', text: name }]);
  });

  it('finds every child in "Ana (7) i njen brat Luka (9)"', () => {
    expect(found('Ana (7) i njen brat Luka (9)')).toEqual([{ kind: 'name-with-age', text: 'Ana' }, { kind: 'name-with-age', text: 'Luka' }]);
  });

  it.each([
    ['born 03.04.2015', '03.04.2015'],
    ['rođena 3. aprila 2015. u Nišu', '3. aprila 2015'],
    ['lindur më 03.04.2015', '03.04.2015'],
    ['родена на 3 април 2015', '3 април 2015'],
    ['născută pe 3 aprilie 2015', '3 aprilie 2015'],
    ['born on April 3, 2015', 'April 3, 2015'],
    ['született 2015. április 3.', '2015. április 3'],
  ])('the birth date in %s', (text, date) => {
    expect(found(text)).toEqual([{ kind: 'birth-date', text: date }]);
  });

  it.each([
    ['Ana Petrović, rođena 03.04.2015', 'Ana Petrović', '03.04.2015'],
    ['Ivan Ivanov, роден на 03.04.2015 г.', 'Ivan Ivanov', '03.04.2015'],
  ])('a name and a full birth date: both in %s', (text, name, date) => {
    expect(found(text)).toEqual([{ kind: 'name-with-age', text: name }, { kind: 'birth-date', text: date }]);
  });

  it.each([
    ['a girl, 12 years old', 'an age without a name'],
    ['djevojčica, 12 godina', 'a person noun'],
    ['Djevojčica (12) je u domu', 'a capitalised person noun'],
    ['Article (7)', 'a document part'],
    ['Serbia (12), Kosovo (7)', 'counts by country'],
    ['UNICEF (2019)', 'a publisher and year'],
    ['Save the Children, 30 years', 'an organisation'],
    ['Council of Europe, 70 years', 'an institution'],
    ['Lanzarote Convention (2007)', 'a convention'],
    ['On 03.04.2015 the court decided', 'a date without "born"'],
    ['živi u Beogradu, 12 godina', 'a place'],
    ['born in 2014', 'a birth year without a name'],
    ['marko petrovic, 12 godina', 'a name in lower case cannot be told from other words'],
    ['Dr. Ana Petrović, pediatar', 'a name without an age'],
    ['Sutra u 10 sati, sala 12', 'times and rooms'],
  ])('not %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("the region's first names are names", () => {
  // Common first names of every hub country, in both scripts: none may be stopped by the lists of words that are not names.
  const NAMES = 'Marko Ana Luka Ivan Petar Milica Jovana Nikola Stefan Elena Maria Ioana Andrei Alexandru Arben Besa Drita Erion Gjergj Dritan Blerta Fatmir Valbona Georgi Dimitar Ivanka Tsvetan Nikolai Bence Anna Zsófia László Péter Eszter Mihai Amela Emir Adnan Selma Lejla Amir Edin Sara Mila Nina Lana Teodora Vuk Dušan Miloš Jelena Dragana Ema Lara Kristina Dejan Goran Zoran Sofija Sofia Victoria Viktor Luca Matei David Daria Aleksandar Bojan Petra Tea Ena Mia Iva Marta Klara Hana Una Lea Eva Mira Vera Nada Sanja Tamara Milan Nenad Predrag Ognjen Bogdan Dan Alina Ilinca Roxana Andreea Ștefan Gabriel Florin Ardit Ardian Ermal Klea Jonida Sokol Kreshnik Teuta Dea Era Rina Arta Borana Kaltrina Ivo Stojan Todor Stoyan Hristo Yordan Kaloyan Boris Rumen Dimitrina Gergana Desislava Radka Iskra Attila Gábor Zoltán Katalin Réka Dóra Boglárka Csaba Áron Levente Bálint Márk Dávid Марко Ана Иван Мария Георги Димитър Никола Јована Милица Стефан Елена Драган Сара Лука Петар Фатима Fatima Aida Emina Amina Dino Harun Tarik Denis Sead Zlatan Jasmin Medina Merima Naida Ajla Asja Hamza Mustafa Mehmet Ali Ahmed Elvis Ramadan Rexhep Shpresa Mimoza Luljeta Flutura Vjollca Diellza Gentian Genc Ilir Lirim Liridon Blerim Agon Fjolla Albina Arlinda Luna Tatjana Bratislav Detelina Rastko Stepan Anja Dalia Dalibor Novica Soraya Stavros Abraham Medina'.split(' ');

  it.each(NAMES.map((name) => [name]))('%s (7)', (name) => {
    expect(found(`${name} (7)`)).toEqual([{ kind: 'name-with-age', text: name }]);
  });
});

describe('what a professional question carries that is not personal data', () => {
  it.each([
    'Kosovo Law 05/L-021 on child protection, Article 12',
    'Official Gazette 72/2009, page 45, pp. 10–12',
    'ISBN 978-86-7549-123-4',
    'Strategija 2015–2020, tačka 3.2',
    'Zakon o maloletnim učiniocima krivičnih dela ("Sl. glasnik RS", br. 85/2005), član 12 stav 3',
    'Ligji nr. 18/2017 për të drejtat dhe mbrojtjen e fëmijës, neni 5',
    'Legea nr. 272/2004 privind protecția și promovarea drepturilor copilului, art. 12 alin. (3)',
    'Закон за закрила на детето, чл. 11, ал. 2, ДВ бр. 48/2000',
    'A Gyvt. (1997. évi XXXI. törvény) 15. §',
    'Lanzarote Convention (2007), CRC General Comment No. 13 (2011), SDG 16.2',
    'Koliko dece je bilo u hraniteljskim porodicama 2019. godine? Oko 5.300, prema izveštaju iz 2020.',
    'Cena obuke je 12.000 dinara ili 100 €, kontakt preko sajta',
    'Predmet K. 123/2021 i Kž1 45/2019 pred Višim sudom',
    'The meeting is on 03.04.2025 at 10:30, room 12',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a question with several kinds, redacted', () => {
  const question = 'Marko Petrović, 12 godina, JMBG 0304015715005, živi u ul. Kneza Miloša 20; majka 064/123-4567, ana@gmail.com.';

  it('finds each in text order', () => {
    expect(found(question).map((f) => f.kind)).toEqual(['name-with-age', 'id-number', 'address', 'phone', 'email']);
  });

  it('offers the text with each finding replaced and the rest as written', () => {
    const placeholders: Record<string, string> = { 'id-number': '[ID number removed]', phone: '[phone removed]', email: '[e-mail removed]', address: '[address removed]', 'name-with-age': '[name removed]' };
    expect(redact(question, detectPersonalData(question), (f) => placeholders[f.kind]!)).toBe(
      '[name removed], 12 godina, JMBG [ID number removed], živi u [address removed]; majka [phone removed], [e-mail removed].',
    );
  });
});
