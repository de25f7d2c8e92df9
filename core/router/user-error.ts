import type { TranslationParams } from '../ports.ts';

/**
 * A mistake the member can fix (bad argument, unknown id). Its identifier is
 * a locale key: the router turns it into a translated reply, not a log line.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: TranslationParams = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
