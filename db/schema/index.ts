export { accountSettings } from './account-settings.ts';
export { auditLog } from './audit-log.ts';
export { buttonPayloads } from './button-payloads.ts';
export { chats } from './chats.ts';
export { documents } from './documents.ts';
export { inboundEvents } from './inbound-events.ts';
export { linkCodes } from './link-codes.ts';
export { memberAccounts, members } from './members.ts';
export { searchSessions } from './search-sessions.ts';
