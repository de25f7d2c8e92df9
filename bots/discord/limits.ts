/**
 * Discord's message limits, each as a named constant with where it is
 * written down. Discord counts characters; we measure UTF-16 code units
 * (`string.length`), which is never fewer, so staying within these in JS is
 * staying within them for Discord.
 */

/** Create Message `content`: up to 2000 characters. https://discord.com/developers/docs/resources/message#create-message */
export const MESSAGE_CONTENT_MAX = 2000;

// Embed limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits

/** Embed `title`: 256 characters. */
export const EMBED_TITLE_MAX = 256;

/** Embed `description`: 4096 characters. */
export const EMBED_DESCRIPTION_MAX = 4096;

/** Embed `fields`: up to 25 field objects. */
export const EMBED_FIELDS_MAX = 25;

/** Embed field `name`: 256 characters. */
export const EMBED_FIELD_NAME_MAX = 256;

/** Embed field `value`: 1024 characters. */
export const EMBED_FIELD_VALUE_MAX = 1024;

/** Embed `footer.text`: 2048 characters. */
export const EMBED_FOOTER_TEXT_MAX = 2048;

/**
 * The sum of every title, description, field name, field value, footer text
 * and author name across ALL the embeds of one message: 6000 characters.
 */
export const EMBED_TOTAL_MAX = 6000;

/** Create Message `embeds`: up to 10. https://discord.com/developers/docs/resources/message#create-message */
export const EMBEDS_PER_MESSAGE_MAX = 10;

// Component limits: https://discord.com/developers/docs/components/reference

/** A message holds up to 5 action rows. https://discord.com/developers/docs/components/reference#action-row */
export const ACTION_ROWS_MAX = 5;

/** An action row holds up to 5 buttons. https://discord.com/developers/docs/components/reference#action-row */
export const BUTTONS_PER_ROW_MAX = 5;

/** Button `label`: up to 80 characters. https://discord.com/developers/docs/components/reference#button */
export const BUTTON_LABEL_MAX = 80;

/** Component `custom_id`: 1-100 characters, unique within a message. https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id */
export const CUSTOM_ID_MAX = 100;

/** Modal `title`: up to 45 characters. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal */
export const MODAL_TITLE_MAX = 45;

/** Label component `label`: up to 45 characters. https://discord.com/developers/docs/components/reference#label */
export const MODAL_LABEL_MAX = 45;

/** Text input `max_length`: up to 4000. https://discord.com/developers/docs/components/reference#text-input */
export const TEXT_INPUT_MAX = 4000;

/**
 * Create Message `nonce`: up to 25 characters. With `enforce_nonce: true` it
 * "will be checked for uniqueness in the past few minutes": a second message
 * with the same nonce is not created, the first is returned.
 * https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 * "A few minutes" is not a number; we count on two.
 */
export const NONCE_MAX_LENGTH = 25;
export const NONCE_WINDOW_MS = 2 * 60 * 1000;
