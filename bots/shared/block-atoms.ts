/** How every renderer lays blocks out as atoms for the splitter: lists, fields, the gaps between blocks. */
import { appendAtoms, BREAK, oneLine, type Atom } from './split-message.ts';

/** A space between words, where a part may end. */
export const SPACE: Atom = { kind: 'break', text: ' ', wrap: null, priority: BREAK.space };

/** List items as lines: "3. item" / "• item", the item's spans rendered by the platform. */
export function listLineAtoms(markers: readonly string[], items: readonly Atom[][]): Atom[][] {
  return items.map((item, index) => [{ kind: 'word', text: markers[index]!, wrap: null }, SPACE, ...item]);
}

/** A field as one line: the label (bold, as the platform writes it) then its value. */
export function fieldLineAtoms(label: string, value: Atom[], boldLabel: (text: string) => Atom[]): Atom[] {
  const shown = oneLine(label).trim();
  return shown === '' ? value : [...boldLabel(`${shown}:`), SPACE, ...value];
}

/**
 * Blocks apart by `separators.block`; dividers collapse into one
 * `separators.section` and vanish at the ends; blocks without a word drop.
 */
export function joinBlocks<B extends { kind: string }>(
  blocks: readonly B[],
  atomsOf: (block: B) => Atom[],
  separators: { block: Atom; section: Atom },
): Atom[] {
  const atoms: Atom[] = [];
  let separator = separators.block;
  for (const block of blocks) {
    if (block.kind === 'divider') {
      separator = separators.section;
      continue;
    }
    const own = atomsOf(block);
    if (!own.some((atom) => atom.kind === 'word')) continue;
    if (atoms.length > 0) atoms.push(separator);
    appendAtoms(atoms, own);
    separator = separators.block;
  }
  return atoms;
}
