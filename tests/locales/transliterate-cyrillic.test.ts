import { describe, expect, it } from 'vitest';
import { toSerbianCyrillic, transliterateResource } from '../../locales/transliterate-cyrillic.ts';

describe('toSerbianCyrillic', () => {
  it('maps letters and digraphs, keeping case', () => {
    expect(toSerbianCyrillic('Ljubljana NJEGOŠ Džep đak ćevapčići žaba')).toBe('Љубљана ЊЕГОШ Џеп ђак ћевапчићи жаба');
    expect(toSerbianCyrillic('konj, djeca, BHSC')).toBe('коњ, дјеца, БХСЦ');
  });

  it('keeps n+j and d+ž apart across a prefix', () => {
    expect(toSerbianCyrillic('injekcija nadživjeti odžak')).toBe('инјекција надживјети оџак');
  });

  it('accepts decomposed diacritics', () => {
    expect(toSerbianCyrillic('c\u030Cas')).toBe('час');
  });

  it('leaves placeholders whole, whatever they contain', () => {
    expect(toSerbianCyrillic('Pronađen je {{count}} dokument za „{{query}}“.')).toBe(
      'Пронађен је {{count}} документ за „{{query}}“.',
    );
    expect(toSerbianCyrillic('{{ime, lowercase}}')).toBe('{{ime, lowercase}}');
  });

  it('leaves commands, quoted example commands, filters, URLs and addresses in Latin', () => {
    expect(toSerbianCyrillic('Probajte „/search nasilje lang:sq year:2015-2020“ ili /help.')).toBe(
      'Пробајте „/search nasilje lang:sq year:2015-2020“ или /help.',
    );
    expect(toSerbianCyrillic('Filteri: lang:sh, topic:nasilje i/ili godina 2015/2016')).toBe(
      'Филтери: lang:sh, topic:nasilje и/или година 2015/2016',
    );
    expect(toSerbianCyrillic('vidi https://cphub.org/docs?id=1 ili pisi na info@cphub.org')).toBe(
      'види https://cphub.org/docs?id=1 или писи на info@cphub.org',
    );
  });

  it('leaves the platforms\' brand names in Latin, and translates the console', () => {
    expect(toSerbianCyrillic('Telegram, Discord, Slack, Lokalna konzola')).toBe('Telegram, Discord, Slack, Локална конзола');
  });

  it('transliterates a whole resource tree, keys untouched', () => {
    expect(transliterateResource({ a: 'da', b: { c_few: 'ne' } })).toEqual({ a: 'да', b: { c_few: 'не' } });
  });
});
