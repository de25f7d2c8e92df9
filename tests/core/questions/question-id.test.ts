import { describe, expect, it } from 'vitest';
import { allocateQuestionId, newQuestionId, parseQuestionId, QUESTION_ID_ALPHABET, secureRandomIndex } from '../../../core/questions/question-id.ts';

/** A random source that plays back the given indexes, then repeats the last. */
function playback(...indexes: number[]): (size: number) => number {
  let at = 0;
  return (size) => {
    const index = indexes[Math.min(at++, indexes.length - 1)]!;
    expect(index).toBeLessThan(size);
    return index;
  };
}

describe('question ids', () => {
  it('are a Q and four characters no one misreads', () => {
    expect(QUESTION_ID_ALPHABET).not.toMatch(/[01OIL]/);
    expect(newQuestionId(playback(20, 5, 9, 14))).toBe(`Q${QUESTION_ID_ALPHABET[20]}${QUESTION_ID_ALPHABET[5]}${QUESTION_ID_ALPHABET[9]}${QUESTION_ID_ALPHABET[14]}`);
    for (let round = 0; round < 200; round++) expect(newQuestionId()).toMatch(/^Q[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
  });

  it('come from the secure generator evenly: every character of the alphabet appears', () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => QUESTION_ID_ALPHABET[secureRandomIndex(QUESTION_ID_ALPHABET.length)]));
    expect(seen.size).toBe(QUESTION_ID_ALPHABET.length);
  });

  it('on a collision, another id is drawn until the store accepts one', async () => {
    const taken = new Set(['QAAAA', 'QBBBB']);
    const tried: string[] = [];
    const id = await allocateQuestionId(
      (candidate) => {
        tried.push(candidate);
        if (taken.has(candidate)) return false;
        taken.add(candidate);
        return true;
      },
      playback(0, 0, 0, 0, 1, 1, 1, 1, 2),
    );
    expect(tried).toEqual(['QAAAA', 'QBBBB', 'QCCCC']);
    expect(id).toBe('QCCCC');
  });

  it('a crowded space makes ids longer rather than blocking the asker', async () => {
    const tried: string[] = [];
    const id = await allocateQuestionId(async (candidate) => {
      tried.push(candidate);
      return candidate.length > 5; // every four-character id is taken
    }, playback(3));
    expect(tried.slice(0, 5).every((candidate) => candidate.length === 5)).toBe(true);
    expect(id).toHaveLength(6);
  });

  it('gives up with an error only when no length has a free id', async () => {
    await expect(allocateQuestionId(() => false, playback(0))).rejects.toThrow(/no free question id/);
  });

  it.each([
    ['Q7K2P', 'Q7K2P'], ['q7k2p', 'Q7K2P'], ['#Q7K2P', 'Q7K2P'], [' Q7K2P. ', 'Q7K2P'], ['QAB3CD', 'QAB3CD'],
  ])('reads %j as %s', (typed, id) => {
    expect(parseQuestionId(typed)).toBe(id);
  });

  it.each(['', 'Q7K', 'Q7K2P0', 'QO1IL', '7K2P', 'Q7K2PQ7K2P', 'pub-001', 'Q7K 2P'])('refuses %j', (typed) => {
    expect(parseQuestionId(typed)).toBeUndefined();
  });
});
