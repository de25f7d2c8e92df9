/**
 * Slack's message limits, each as a named constant with where it is written
 * down. Slack counts characters; we measure UTF-16 code units
 * (`string.length`), which is never fewer, so staying within these in JS is
 * staying within them for Slack.
 */

/** chat.postMessage `blocks`: up to 50 blocks a message. https://api.slack.com/reference/block-kit/blocks */
export const BLOCKS_PER_MESSAGE_MAX = 50;

/** Section block `text`: 1-3000 characters. https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_TEXT_MAX = 3000;

/** Header block `text` (plain_text only): up to 150 characters. https://api.slack.com/reference/block-kit/blocks#header */
export const HEADER_TEXT_MAX = 150;

/** Actions block `elements`: up to 25. https://api.slack.com/reference/block-kit/blocks#actions */
export const ACTIONS_ELEMENTS_MAX = 25;

/** Context block `elements`: up to 10. https://api.slack.com/reference/block-kit/blocks#context */
export const CONTEXT_ELEMENTS_MAX = 10;

/** Any `block_id`: up to 255 characters. https://api.slack.com/reference/block-kit/blocks */
export const BLOCK_ID_MAX = 255;

/** Button `text` (plain_text only): up to 75 characters. https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_TEXT_MAX = 75;

/**
 * Button `action_id`: up to 255 characters, unique among the action_ids of
 * its block. https://api.slack.com/reference/block-kit/block-elements#button
 */
export const ACTION_ID_MAX = 255;

/** Button `value`: up to 2000 characters. https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_VALUE_MAX = 2000;

/**
 * chat.postMessage `text` (with blocks, the notification fallback): Slack
 * truncates a message above 40,000 characters (and advises 4,000 at most).
 * https://api.slack.com/methods/chat.postMessage
 */
export const MESSAGE_TEXT_MAX = 40_000;

/** Modal `title`, `submit` and `close`: plain_text of up to 24 characters. https://api.slack.com/reference/surfaces/views#modal */
export const MODAL_TEXT_MAX = 24;

/** Modal `private_metadata`: up to 3000 characters. https://api.slack.com/reference/surfaces/views#modal */
export const PRIVATE_METADATA_MAX = 3000;

/** Input block `label`: plain_text of up to 2000 characters. https://api.slack.com/reference/block-kit/blocks#input */
export const INPUT_LABEL_MAX = 2000;

/** plain_text_input `max_length`: up to 3000. https://api.slack.com/reference/block-kit/block-elements#input */
export const PLAIN_TEXT_INPUT_MAX = 3000;
