/**
 * The Discord adapter: one discord.js `Client` (its REST client owns the API
 * base, and asks it for the gateway address), with the Guilds intent only:
 * slash commands and buttons arrive as interactions, which need no
 * privileged Message Content intent. Every interaction is acknowledged
 * before core touches the database — Discord gives 3 seconds — and the
 * answer then edits the deferred reply; only a press that may open a form
 * (a modal, which must be the first response) is answered by core first.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, type ButtonInteraction, type Interaction } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import { encodeButton } from '../../core/delivery/button-codec.ts';
import { WorkQueue } from '../../core/delivery/work-queue.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ButtonPayloads, ChatDirectory, InboundLedger, Logger, Messenger } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { answerInteraction, type AnsweredInteraction, type RenderedReply } from './discord-replies.ts';
import { FORM_MARK, isFormButton, toDiscordModal } from './discord-modal.ts';
import { toPlatformError } from './discord-errors.ts';
import { DiscordMessenger } from './discord-messenger.ts';
import { DiscordPublisher } from './discord-publisher.ts';
import type { Publisher } from '../../core/questions/question-ports.ts';
import { fromDiscordInteraction } from './inbound.ts';
import { CUSTOM_ID_MAX } from './limits.ts';
import { renderDiscordMessages, type DiscordMessagePayload } from './render.ts';

/** Answers worked on at once: enough to overlap REST round trips, few enough to keep acknowledgements prompt. */
const WORK_CONCURRENCY = 4;
/** How long core may take to decide whether a press opens a modal, of the 3 seconds Discord gives. */
const FORM_DECISION_MS = 2000;

export interface DiscordAdapterDeps {
  config: DiscordConfig;
  router: Pick<Router, 'handle'>;
  chats: ChatDirectory;
  ledger: InboundLedger;
  buttons: ButtonPayloads;
  logger: Logger;
}

export interface DiscordAdapter {
  readonly messenger: Messenger;
  /** Questions and answers: posts it can edit and delete later. */
  readonly publisher: Publisher;
  /** Rejects with a `PlatformError` when Discord refuses the token or cannot be reached. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  return new DiscordBot(deps);
}

/** Renders a reply after encoding its buttons (long payloads go to the database first). */
export async function renderWithButtons(reply: Reply, buttons: ButtonPayloads): Promise<DiscordMessagePayload[]> {
  const ids = new Map<object, string>();
  for (const button of reply.buttons.flat()) {
    const mark = button.opensForm ? FORM_MARK : '';
    ids.set(button, `${mark}${await encodeButton(button, buttons, CUSTOM_ID_MAX - mark.length)}`);
  }
  return renderDiscordMessages(reply, (button) => ids.get(button)!);
}

class DiscordBot implements DiscordAdapter {
  readonly messenger: Messenger;
  readonly publisher: Publisher;
  private readonly client: Client;
  private readonly inFlight = new Set<Promise<void>>();
  /** Acknowledgements go out at once; the answers' work queues here (see WorkQueue). */
  private readonly work = new WorkQueue(WORK_CONCURRENCY);

  constructor(private readonly deps: DiscordAdapterDeps) {
    this.client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: deps.config.apiUrl } });
    // Unprompted messages (`cphub digest send`) go through REST without a gateway login.
    this.client.rest.setToken(deps.config.token);
    const publisher = new DiscordPublisher(this.client.rest, deps.chats, (reply) => renderWithButtons(reply, deps.buttons));
    this.publisher = publisher;
    this.messenger = new DiscordMessenger(publisher);
    this.client.on(Events.InteractionCreate, (interaction) => this.track(this.handle(interaction)));
    this.client.on(Events.Error, (error) => deps.logger.error({ err: error, platform: 'discord' }, 'discord: client error'));
  }

  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(this.deps.config.token);
    } catch (error) {
      await this.client.destroy();
      throw toPlatformError(error);
    }
    await ready;
    this.deps.logger.info({ platform: 'discord', bot: this.client.user?.tag }, 'discord: started');
  }

  async stop(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.client.destroy();
    this.deps.logger.info({ platform: 'discord' }, 'discord: stopped');
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(interaction: Interaction): Promise<void> {
    if (interaction.isButton() && isFormButton(interaction.customId)) return this.handleFormButton(interaction);
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    const eventId = interaction.id;
    try {
      // First, before any database work: Discord fails the interaction after 3 seconds without it.
      if (interaction.isChatInputCommand()) await interaction.deferReply();
      // A submitted form's answer is for the member who typed it.
      else if (interaction.isModalSubmit()) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      else await interaction.deferUpdate();
      // A gateway resume can replay a dispatch: an interaction already answered is not answered again.
      await this.work.run(async () => {
        const [fresh] = await this.deps.ledger.receive('discord', [{ id: eventId, payload: '' }]);
        if (fresh === undefined) return;
        await this.answer(interaction);
        await this.deps.ledger.finish('discord', eventId);
      });
    } catch (error) {
      this.deps.logger.error({ err: toPlatformError(error), platform: 'discord', eventId }, 'discord: interaction failed');
    }
  }

  /**
   * A press that may open a form: a modal can only be the first response,
   * so core answers before the press is acknowledged — a few database reads,
   * given FORM_DECISION_MS of Discord's 3 seconds. A reply with a form opens
   * the modal; any other reply, or one that comes too late, is sent as usual
   * (a late form's words say how to answer by command).
   */
  private async handleFormButton(interaction: ButtonInteraction): Promise<void> {
    const eventId = interaction.id;
    try {
      const [fresh] = await this.deps.ledger.receive('discord', [{ id: eventId, payload: '' }]);
      if (fresh === undefined) return;
      const routed = this.route(interaction);
      const early = await firstWithin(routed, FORM_DECISION_MS);
      const form = early?.[0]?.reply.form;
      if (form) {
        await interaction.showModal(toDiscordModal(form, await encodeButton({ actionId: form.command, value: form.args }, this.deps.buttons, CUSTOM_ID_MAX)));
      } else {
        await interaction.deferUpdate();
        await answerInteraction(interaction, await routed);
      }
      await this.deps.ledger.finish('discord', eventId);
    } catch (error) {
      this.deps.logger.error({ err: toPlatformError(error), platform: 'discord', eventId }, 'discord: interaction failed');
    }
  }

  private async answer(interaction: AnsweredInteraction): Promise<void> {
    await answerInteraction(interaction, await this.route(interaction));
  }

  private async route(interaction: AnsweredInteraction): Promise<RenderedReply[]> {
    const incoming = await fromDiscordInteraction(interaction, this.deps.buttons);
    const replies = await this.deps.router.handle(incoming);
    const rendered: RenderedReply[] = [];
    for (const reply of replies) rendered.push({ reply, messages: await renderWithButtons(reply, this.deps.buttons) });
    return rendered;
  }
}

/** `work`'s result if it comes within `ms`, else undefined (the work goes on). */
async function firstWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
