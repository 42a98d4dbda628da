// The stable entry to the Telegram Bot API emulator for tests and benchmarks; its parts are in ./botApi/.
export { BotApiEmulator } from './botApi/emulator.js';
export type { RecordedCall, SentMessage } from './botApi/records.js';
export { TestUser } from './botApi/testUser.js';
