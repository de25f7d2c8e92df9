/**
 * Messages to the member at the terminal that nobody typed for just now: a
 * digest, an answer to their question from another platform, a question
 * routed to them as an expert. They are printed into the running chat,
 * marked as arriving (or as a change to one printed before: an answer
 * accepted, a message taken down), above the prompt. A terminal cannot
 * change what it printed, so an edit prints the new version and a removal
 * says that a message was withdrawn. With the chat ended nothing can be
 * shown: that fails as NETWORK (the member is not unreachable: they come
 * back with the next session, and a digest is tried again then).
 */
import { PlatformError } from '../../core/delivery/platform-error.ts';
import { sendParts } from '../../core/delivery/send-parts.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { PostedMessage, Publisher } from '../../core/questions/question-ports.ts';

/** How an unprompted message is marked: new, or a new version of one printed before. */
export type ConsoleMark = 'arrived' | 'updated';

/** What of the chat session the publisher prints into. */
export interface ConsoleScreen {
  isStopped(): boolean;
  deliver(message: Reply, mark: ConsoleMark): void;
  /** A line saying a message printed before was withdrawn. */
  withdrawn(): void;
}

export class ConsolePublisher implements Publisher {
  readonly platform = 'console' as const;
  private sequence = 0;

  constructor(private readonly screen: ConsoleScreen) {}

  async post(target: OutboundTarget, reply: Reply, _replyTo?: string, progress?: SendProgress): Promise<PostedMessage> {
    this.checkOpen();
    await sendParts([reply], async (part) => this.screen.deliver(part, 'arrived'), progress);
    // Ids only name the message for an edit or a removal, which print anew: unique within this run is enough.
    return { conversationId: target.conversationId, messageIds: [`console-${Date.now().toString(36)}-${++this.sequence}`] };
  }

  async edit(_message: PostedMessage, reply: Reply): Promise<void> {
    this.checkOpen();
    this.screen.deliver(reply, 'updated');
  }

  async remove(_message: PostedMessage): Promise<void> {
    this.checkOpen();
    this.screen.withdrawn();
  }

  private checkOpen(): void {
    if (this.screen.isStopped()) throw new PlatformError('console', 'NETWORK', 'the console chat has ended');
  }
}

/** The digest's way in: the same printing, without keeping the message. */
export class ConsoleMessenger implements Messenger {
  readonly platform = 'console' as const;

  constructor(private readonly publisher: ConsolePublisher) {}

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    await this.publisher.post(target, reply, undefined, progress);
  }
}
