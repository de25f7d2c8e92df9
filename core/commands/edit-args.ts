/** `/profile` and `/expert` take nothing (show it) or `edit <field> [value]`. */
import { fail, ok, type ParseResult } from '../router/command.ts';
import type { UserError } from '../router/user-error.ts';

export type EditArgs<F> = { kind: 'show' } | { kind: 'edit'; field: F; value: string };

export function parseEditArgs<F>(args: string, resolveField: (typed: string) => F | undefined, usage: () => UserError): ParseResult<EditArgs<F>> {
  if (!args) return ok({ kind: 'show' });
  const [sub = '', field = '', ...rest] = args.split(/\s+/);
  const resolved = resolveField(field);
  if (sub.toLowerCase() !== 'edit' || !resolved) return fail(usage());
  return ok({ kind: 'edit', field: resolved, value: rest.join(' ') });
}
