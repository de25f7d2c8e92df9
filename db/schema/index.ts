export { accountSettings } from './account-settings.ts';
export { documents } from './documents.ts';
export { searchSessions } from './search-sessions.ts';
