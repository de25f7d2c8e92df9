/**
 * Telegram's limits, each as a named constant with where it is written down.
 * https://core.telegram.org/bots/api and https://core.telegram.org/bots/faq
 */

/** sendMessage `text`: 1-4096 characters after entities parsing. */
export const MESSAGE_TEXT_MAX = 4096;

/** InlineKeyboardButton `callback_data`: 1-64 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** answerCallbackQuery `text`: 0-200 characters. */
export const CALLBACK_ANSWER_TEXT_MAX = 200;

/** BotCommand `description`: 1-256 characters (3-256 in older docs; we keep to 256). */
export const COMMAND_DESCRIPTION_MAX = 256;

/**
 * Broadcast limits from the Bot FAQ ("My bot is hitting limits, how do I
 * avoid this?"): about 30 messages a second overall, no more than one a
 * second in one chat, and no more than 20 a minute in one group.
 */
export const SEND_RATE = {
  overall: { limit: 30, windowMs: 1000 },
  perChat: { limit: 1, windowMs: 1000 },
  perGroup: { limit: 20, windowMs: 60_000 },
} as const;

/** The service account Telegram shows as the sender of anonymous group admins' messages. */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;
