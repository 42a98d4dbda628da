import { boot } from '../runtime/boot.js';
import { requireExternalInfrastructure } from '../runtime/infrastructure.js';
import { openPool, startBotRole } from '../runtime/roles.js';

// `npm run start:bot`: the Telegram bot with long polling, for production. Run one of it: the
// updates of a bot are fetched by one process. In webhook mode (PUBLIC_URL set) the API role
// receives the updates and this entry point is not needed.
await boot('bot', async ({ config, logger, stops }) => {
  if (!config.telegram.botToken) {
    throw new Error('The bot entry point needs TELEGRAM_BOT_TOKEN (a token from @BotFather).');
  }
  if (config.telegram.publicUrl) {
    throw new Error(
      'PUBLIC_URL is set, so the bot runs in webhook mode inside the HTTP API ("npm run start:api"); ' +
        'start:bot is for long polling. Unset PUBLIC_URL to poll instead.',
    );
  }
  const infra = requireExternalInfrastructure(config, 'bot');
  const pool = openPool(infra, stops);
  await startBotRole(config, infra, pool, logger, stops);
});
