/**
 * A fake platform server in a child process, asked over IPC: the benchmark's
 * bot keeps this process's core to itself, as it would in production.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class ForkedFake<Info> {
  private nextId = 1;
  private readonly waiting = new Map<number, (message: any) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** What the child said when it was ready (its URL, token, …). */
    readonly info: Info,
  ) {
    child.on('message', (message: any) => {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  /** `script` is a file next to this one, e.g. `./fake-telegram-process.ts`. */
  static async start<Info>(script: string, env: Record<string, string> = {}): Promise<ForkedFake<Info>> {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env } });
    const ready = await new Promise<any>((resolve) => child.once('message', resolve));
    return new ForkedFake<Info>(child, ready as Info);
  }

  ask(command: object): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, ...command });
    });
  }

  close(): Promise<unknown> {
    return this.ask({ type: 'close' });
  }
}
