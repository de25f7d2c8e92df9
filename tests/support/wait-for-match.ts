/**
 * Resolves with the first value `found` returns once something happens
 * (each fake calls the listeners it was given after every request), or
 * rejects after `timeoutMs` with what `failure` says was seen.
 */
export function waitForMatch<T>(
  found: () => T | undefined,
  listeners: Set<() => void>,
  timeoutMs: number,
  failure: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const value = found();
      if (value === undefined) return;
      stop();
      resolve(value);
    };
    const stop = (): void => {
      clearTimeout(timer);
      listeners.delete(check);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(failure()));
    }, timeoutMs);
    listeners.add(check);
    check();
  });
}
