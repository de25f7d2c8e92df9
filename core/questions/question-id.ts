/**
 * Question ids members read and type: `Q7K2P` (`/answer Q7K2P …`,
 * `/question Q7K2P`). A Q and four characters from an alphabet without the
 * look-alikes 0/O and 1/I/L (the same alphabet as the account-link codes),
 * so an id read off a phone screen is typed right: 31⁴ ≈ 920,000 ids. The
 * store decides whether an id is free (`claim`); on a collision another is
 * drawn, and after a few collisions ids grow by a character, so a crowded
 * space never blocks an asker.
 */
export const QUESTION_ID_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PREFIX = 'Q';
const SHORTEST = 4;
const LONGEST = 8;
/** Draws at one length before a longer id is tried. */
const DRAWS_PER_LENGTH = 5;

/** A uniformly random integer in [0, size). */
export type RandomIndex = (size: number) => number;

/** From the platform's cryptographic generator (Web Crypto), without modulo bias. */
export const secureRandomIndex: RandomIndex = (size) => {
  const limit = Math.floor(0x1_0000_0000 / size) * size;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    if (buffer[0]! < limit) return buffer[0]! % size;
  }
};

export function newQuestionId(random: RandomIndex = secureRandomIndex, length = SHORTEST): string {
  let id = PREFIX;
  for (let index = 0; index < length; index++) id += QUESTION_ID_ALPHABET[random(QUESTION_ID_ALPHABET.length)];
  return id;
}

/**
 * A new id that `claim` accepted (it stores the question under the id and
 * answers false when the id is taken, e.g. on a unique-key conflict).
 */
export async function allocateQuestionId(claim: (id: string) => Promise<boolean> | boolean, random: RandomIndex = secureRandomIndex): Promise<string> {
  for (let length = SHORTEST; length <= LONGEST; length++) {
    for (let draw = 0; draw < DRAWS_PER_LENGTH; draw++) {
      const id = newQuestionId(random, length);
      if (await claim(id)) return id;
    }
  }
  throw new Error(`no free question id after ${DRAWS_PER_LENGTH * (LONGEST - SHORTEST + 1)} draws`);
}

const ID_SHAPE = new RegExp(`^${PREFIX}[${QUESTION_ID_ALPHABET}]{${SHORTEST},${LONGEST}}$`);

/** An id as a member types it ("q7k2p", "#Q7K2P", "Q7K2P."), or undefined when it cannot be one. */
export function parseQuestionId(typed: string): string | undefined {
  const id = typed.trim().replace(/^#/, '').replace(/[.,;:!?)]+$/, '').toUpperCase();
  return ID_SHAPE.test(id) ? id : undefined;
}
