/**
 * Topics detected from questions as members write them, in every hub
 * language and both scripts, with and without diacritics; and questions
 * that name no topic, or only look like they do.
 */
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../core/members/profile-options.ts';
import { detectTopics, type Topic } from '../../../core/questions/topics.ts';
import { TOPIC_KEYWORDS } from '../../../core/questions/topic-keywords/index.ts';
import en from '../../../locales/en.json' with { type: 'json' };
import { sampleDocuments } from '../../support/sample-library-texts.ts';

const best = (question: string): Topic | undefined => detectTopics(question)[0]?.topic;

describe('the topic of a question, best first', () => {
  it.each<[string, string, Topic]>([
    ['en', 'How should we handle a 14-year-old who was sexually abused by her stepfather and refuses to testify?', 'violence and abuse'],
    ['en', 'What are the rules for placing a baby in foster care when the mother is in prison?', 'alternative care'],
    ['en', 'Is there a protocol for unaccompanied migrant children found at the border?', 'children on the move'],
    ['en', 'My pupils share nude photos on Instagram: how do we talk about sexting and online grooming?', 'online safety'],
    ['sq', 'Si duhet të veprojë punonjësi social kur një fëmijë është viktimë e trafikimit për lypje?', 'trafficking and exploitation'],
    ['sq', 'Cila është mosha e përgjegjësisë penale dhe çfarë masash alternative ka për të miturit në konflikt me ligjin?', 'juvenile justice'],
    ['sq', 'A ka familje kujdestare në Shkodër për fëmijë pa kujdes prindëror?', 'alternative care'],
    ['sq, no diacritics', 'femija ka autizem dhe nuk pranohet ne shkolle, cfare te drejtash ka per aftesi te kufizuara?', 'disability'],
    ['sh', 'Koja je procedura kada dete bez pratnje zatraži azil na granici?', 'children on the move'],
    ['sh', 'Kako zaštititi decu od vršnjačkog nasilja na društvenim mrežama?', 'online safety'],
    ['sh', 'Kako uključiti djecu u donošenje odluka? Imamo učenički parlament, ali glas djeteta se ne čuje.', 'child participation'],
    ['sh, no diacritics', 'Kako postupiti kada je dijete zrtva nasilja u obitelji i otac ga tuce?', 'violence and abuse'],
    ['sh-Cyrl', 'Како поступити када је дете жртва насиља у породици?', 'violence and abuse'],
    ['sh-Cyrl', 'Да ли хранитељска породица може да усвоји дете које је код ње на смештају?', 'alternative care'],
    ['bg', 'Какви са правилата за настаняване в приемно семейство на дете с увреждане?', 'alternative care'],
    ['bg', 'Как да помогнем на родители в бедност да не изоставят детето си?', 'family support'],
    ['bg', 'Детето отсъства от училище от месеци, учителите не знаят какво да правят с отпадането.', 'education'],
    ['hu', 'Hogyan lehet bevonni a gyerekeket a döntéshozatalba? Van diákönkormányzat, de nem hallgatják meg őket.', 'child participation'],
    ['hu', 'A fiatalkorú elkövető javítóintézetbe került, milyen pártfogó felügyelet jár neki?', 'juvenile justice'],
    ['hu, no diacritics', 'Mit tegyunk, ha a gyerek depresszios es ongyilkossagrol beszel a pszichologusnak?', 'health'],
    ['ro', 'Care sunt măsurile educative pentru un minor care a comis o infracțiune la 15 ani?', 'juvenile justice'],
    ['ro', 'Copilul are cerințe educaționale speciale și școala refuză să-l înscrie.', 'disability'],
    ['ro, no diacritics', 'Cum ajutam familia monoparentala care traieste in saracie si nu primeste alocatia?', 'family support'],
    ['mk', 'Кој е надлежен кога дете мигрант без придружба е во притвор?', 'children on the move'],
    ['mk', 'Дали детето со аутизам може да оди во редовно училиште?', 'disability'],
  ])('%s: %s', (_language, question, topic) => {
    expect(best(question)).toBe(topic);
  });

  it('ranks every topic found, by score', () => {
    const topics = detectTopics('Djevojčica s autizmom je žrtva nasilja u školi; roditelji traže pomoć psihologa.');
    expect(topics.map((found) => found.topic)).toEqual(expect.arrayContaining(['disability', 'violence and abuse', 'education', 'health', 'family support']));
    expect(topics.map((found) => found.score)).toEqual([...topics.map((found) => found.score)].sort((a, b) => b - a));
  });

  it('a phrase outweighs a passing word: "foster care" over "family"', () => {
    expect(detectTopics('The family asked about foster care.')).toEqual([
      { topic: 'alternative care', score: 2 },
      { topic: 'family support', score: 1 },
    ]);
  });

  it.each([
    ['no topic', 'Any good recipes for lunch?'],
    ['"drugi" is "other" in BCMS, not drugs', 'Molim vas odgovor, za primer drugi put'],
    ['"válasz" (answer) is not "válás" (divorce), "valami" is not anything', 'Válasz kérem, valami más kérdés'],
    ['"for example" is no exam', 'for example'],
    ['"kufizuar" (limited) is no border', 'koha e kufizuar'],
    ['"sada" (now) is no court', 'sada ću'],
    ['empty', ''],
    ['emoji only', '🙏🏽👩‍👧'],
  ])('none for %s', (_why, text) => {
    expect(detectTopics(text)).toEqual([]);
  });
});

describe('on real documents', () => {
  it("names one of a sample document's own topics first, for nearly every document whose topics the hub detects", () => {
    // The catch-all "child rights and policy" is not one of the topics an asker is routed by.
    const documents = sampleDocuments().filter((document) => document.topics.some((topic) => (TOPICS as readonly string[]).includes(topic)));
    const right = documents.filter((document) => document.topics.includes(best(`${document.title}. ${document.summary}`) ?? ''));
    expect(documents.length).toBeGreaterThan(40);
    // Measured: 42 of 43; one technical report names no topic in its title or summary.
    expect(right.length / documents.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the topic vocabulary', () => {
  it("has keywords for every hub topic, named as the library's topics are (so they display localized)", () => {
    expect(TOPIC_KEYWORDS.map(({ topic }) => topic)).toEqual([...TOPICS]);
    for (const { topic, keywords } of TOPIC_KEYWORDS) {
      expect(Object.keys(en.topicNames)).toContain(topic);
      expect(keywords.length).toBeGreaterThan(40);
    }
  });

  it('survives 5,000 characters of mixed text', () => {
    const text = 'nasilje 🙏 školi Internet ❤️ dete bez pratnje ' .repeat(120).slice(0, 5_000);
    expect(detectTopics(text)[0]).toEqual({ topic: 'children on the move', score: expect.any(Number) });
  });
});
