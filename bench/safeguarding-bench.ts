/**
 * `npm run bench:safeguarding`: how long the safeguarding check and topic
 * detection take on member texts of 200, 1,000 and 5,000 characters — prose
 * with personal data in it, a digit-heavy worst case (every few characters
 * a phone-number candidate for libphonenumber) and mixed scripts with
 * emoji. Every question is checked before it is posted, so this is latency
 * on the asking path. A benchmark: it prints figures and exits 0.
 */
import { detectTopics } from '../core/questions/topics.ts';
import { detectPersonalData } from '../core/safeguarding/detect-personal-data.ts';
import { latency, ms } from './stats.ts';

const PROSE =
  'Kako da postupim? Marko Petrović, 12 godina, živi sa bakom u ul. Kneza Miloša 20; majka 064/123-4567. ' +
  'Dete je u hraniteljskoj porodici od 2019. godine, prema Zakonu ("Sl. glasnik RS", br. 72/2009), član 12. ';
const DIGITS = '064 123 4567, 2019/2020, 12.500 RSD, 0304015715005, ';
const MIXED = 'Марко Петровић (7) 👩‍👧 Rruga e Durrësit nr. 45 ❤️ Ioana Pop, 34 de ani, +40 721 234 567 🙏🏽 a 12 éves Kovács Anna ';

const fill = (piece: string, length: number): string => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

function time(run: () => unknown, rounds: number): number[] {
  for (let warm = 0; warm < 20; warm++) run();
  return Array.from({ length: rounds }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? 300);
console.log(`cphub safeguarding bench: ${rounds} rounds a text (p50 / p95)`);
console.log('| text | characters | findings | safeguarding check | topics |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, piece] of [['prose', PROSE], ['digits', DIGITS], ['mixed scripts', MIXED]] as const) {
  for (const length of [200, 1_000, 5_000]) {
    const text = fill(piece, length);
    const check = latency(time(() => detectPersonalData(text), rounds));
    const topics = latency(time(() => detectTopics(text), rounds));
    console.log(`| ${name} | ${length.toLocaleString('en-US')} | ${detectPersonalData(text).length} | ${ms(check.p50)} / ${ms(check.p95)} | ${ms(topics.p50)} / ${ms(topics.p95)} |`);
  }
}
