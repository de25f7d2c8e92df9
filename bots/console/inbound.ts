/**
 * A line typed in the terminal → Incoming. Pure: what it needs to know
 * (who types, which buttons are on screen, the event number) comes in
 * `state`; the adapter keeps that state between lines.
 */
import type { Incoming, IncomingContent, Sender } from '../../core/model/incoming.ts';
import type { Button } from '../../core/model/reply.ts';

export const CONSOLE_CONVERSATION = { id: 'console', kind: 'private' } as const;
export const CONSOLE_USER_ID = 'local';

export interface ConsoleInboundState {
  /** The buttons of the last answer, in the order they were numbered. */
  shownButtons: readonly Button[];
  /** The number the first of them carried. */
  buttonNumberStart: number;
  /** The n-th line handled in this session; makes the event id. */
  sequence: number;
  /** The operating-system user at the terminal. */
  displayName?: string;
  /** The terminal's locale (CPHUB_LANG, LC_ALL or LANG). */
  locale?: string;
}

// `/name rest`: the name runs to the first space; `/ x` is not a command.
const COMMAND = /^\/(\S+)(?:\s+([\s\S]*))?$/;

export function toIncoming(line: string, state: ConsoleInboundState): Incoming | undefined {
  const content = toContent(line.trim(), state);
  if (!content) return undefined;
  return {
    eventId: `console-${state.sequence}`,
    platform: 'console',
    sender: consoleSender(state),
    conversation: { ...CONSOLE_CONVERSATION },
    content,
  };
}

function toContent(line: string, state: ConsoleInboundState): IncomingContent | undefined {
  if (line === '') return undefined;
  const command = COMMAND.exec(line);
  if (command) return { kind: 'command', name: command[1]!.toLowerCase(), args: (command[2] ?? '').trim() };
  const button = pressedButton(line, state);
  if (button) return { kind: 'action', actionId: button.actionId, value: button.value };
  return { kind: 'text', text: line };
}

/**
 * A bare number presses the button shown with it; so does the button's name
 * (`next`, `dalje`), which stays the same from page to page while the
 * numbers move. A number with no such button stays text, so searching for a
 * year (`2019`) still works.
 */
function pressedButton(line: string, state: ConsoleInboundState): Button | undefined {
  if (/^\d{1,4}$/.test(line)) return state.shownButtons[Number(line) - state.buttonNumberStart];
  const name = labelKey(line);
  return name ? state.shownButtons.find((button) => labelKey(button.label) === name) : undefined;
}

/** A label without arrows, punctuation or case: "Next ›" → "next". */
function labelKey(label: string): string {
  return label.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function consoleSender(state: ConsoleInboundState): Sender {
  return {
    id: CONSOLE_USER_ID,
    ...(state.displayName ? { displayName: state.displayName } : {}),
    ...(state.locale ? { locale: state.locale } : {}),
  };
}
