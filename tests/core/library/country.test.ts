/** Countries as members type them: codes, the region's names, and every other country by its name in a hub language. */
import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../../core/library/country.ts';

describe('resolveCountry', () => {
  it('reads codes and the region’s own names, with or without diacritics', () => {
    expect(['RS', 'xk', 'Shqipëria', 'shqiperia', 'Црна Гора', 'bosna i hercegovina'].map(resolveCountry)).toEqual(['RS', 'XK', 'AL', 'AL', 'ME', 'BA']);
  });

  it('reads any other country by its name in the hub’s languages', () => {
    expect(['Austria', 'Germany', 'Njemačka', 'nemacka', 'Németország', 'Германия', 'Gjermani', 'Germania', 'Ukraine', 'Italy'].map(resolveCountry)).toEqual(
      ['AT', 'DE', 'DE', 'DE', 'DE', 'DE', 'DE', 'DE', 'UA', 'IT'],
    );
  });

  it('is no country for words that are none', () => {
    expect(['10', 'violence', 'Europe', 'EU', '', 'zz'].map(resolveCountry)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
