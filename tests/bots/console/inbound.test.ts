import { describe, expect, it } from 'vitest';
import { toIncoming, type ConsoleInboundState } from '../../../bots/console/inbound.ts';
import type { Button } from '../../../core/model/reply.ts';

const previous: Button = { actionId: 'search.page', label: '‹ Previous', value: 'tok:0' };
const next: Button = { actionId: 'search.page', label: 'Next ›', value: 'tok:2' };

const state = (overrides: Partial<ConsoleInboundState> = {}): ConsoleInboundState => ({
  shownButtons: [],
  buttonNumberStart: 1,
  sequence: 7,
  displayName: 'ana',
  locale: 'sr_RS.UTF-8',
  ...overrides,
});

describe('toIncoming', () => {
  it('describes the console member and conversation', () => {
    expect(toIncoming('hello', state())).toEqual({
      eventId: 'console-7',
      platform: 'console',
      sender: { id: 'local', displayName: 'ana', locale: 'sr_RS.UTF-8' },
      conversation: { id: 'console', kind: 'private' },
      content: { kind: 'text', text: 'hello' },
    });
  });

  it('makes /name args a command with a lower-cased name and trimmed args', () => {
    expect(toIncoming('  /SEARCH   nasilje  lang:sr ', state())?.content).toEqual({
      kind: 'command',
      name: 'search',
      args: 'nasilje  lang:sr',
    });
    expect(toIncoming('/help', state())?.content).toEqual({ kind: 'command', name: 'help', args: '' });
    expect(toIncoming('/search "child*', state())?.content).toEqual({ kind: 'command', name: 'search', args: '"child*' });
  });

  it('presses a button by its name, whatever its number', () => {
    const shown = state({ shownButtons: [previous, next] });
    expect(toIncoming('next', shown)?.content).toEqual({ kind: 'action', actionId: 'search.page', value: 'tok:2' });
    expect(toIncoming(' Previous ', shown)?.content).toEqual({ kind: 'action', actionId: 'search.page', value: 'tok:0' });
    expect(toIncoming('nextyear', shown)?.content).toEqual({ kind: 'text', text: 'nextyear' });
    expect(toIncoming('next', state())?.content).toEqual({ kind: 'text', text: 'next' });
  });

  it('presses the button shown with a bare number', () => {
    const shown = state({ shownButtons: [previous, next] });
    expect(toIncoming('2', shown)?.content).toEqual({ kind: 'action', actionId: 'search.page', value: 'tok:2' });
    expect(toIncoming(' 1 ', shown)?.content).toEqual({ kind: 'action', actionId: 'search.page', value: 'tok:0' });
  });

  it('honours the number the buttons started from', () => {
    const shown = state({ shownButtons: [next], buttonNumberStart: 3 });
    expect(toIncoming('3', shown)?.content).toEqual({ kind: 'action', actionId: 'search.page', value: 'tok:2' });
    expect(toIncoming('1', shown)?.content).toEqual({ kind: 'text', text: '1' });
  });

  it('keeps a number with no such button as text, so a year can be searched', () => {
    const shown = state({ shownButtons: [next] });
    expect(toIncoming('2019', shown)?.content).toEqual({ kind: 'text', text: '2019' });
    expect(toIncoming('0', shown)?.content).toEqual({ kind: 'text', text: '0' });
    expect(toIncoming('2', state())?.content).toEqual({ kind: 'text', text: '2' });
  });

  it('ignores empty lines', () => {
    expect(toIncoming('', state())).toBeUndefined();
    expect(toIncoming('   \t ', state())).toBeUndefined();
  });

  it('treats a lone slash as text, not a nameless command', () => {
    expect(toIncoming('/ x', state())?.content).toEqual({ kind: 'text', text: '/ x' });
  });

  it('leaves out a sender name and locale it does not know', () => {
    const sender = toIncoming('hi', state({ displayName: undefined, locale: undefined }))?.sender;
    expect(sender).toEqual({ id: 'local' });
    expect(Object.keys(sender ?? {})).toEqual(['id']);
  });
});
