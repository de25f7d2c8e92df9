/**
 * `cphub discord register [--guild <id>]`: puts cphub's slash commands on
 * Discord, for every server (global; Discord may take up to an hour to show
 * changes) or for one server (at once: use it while testing). Registering
 * replaces the whole list, so a removed command disappears.
 */
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createApp } from '../main.ts';

export function registerDiscordCommand(program: Command): void {
  const discord = program.command('discord').description('Discord set-up');
  discord
    .command('register')
    .description('register the slash commands, globally or for one server (--guild)')
    .option('--guild <id>', 'only this server (shows at once)')
    .action(async (options: { guild?: string }) => {
      process.exitCode = await register(options.guild);
    });
}

async function register(guildId: string | undefined): Promise<number> {
  const config = loadConfig();
  if (!config.discord) throw new ConfigError(['DISCORD_TOKEN and DISCORD_APPLICATION_ID: both are needed to register commands']);
  // discord.js only for this command: every other one (the console above all) runs without it.
  const [{ REST, Routes }, { slashCommands }, { toPlatformError }] = await Promise.all([
    import('discord.js'), import('../bots/discord/slash-commands.ts'), import('../bots/discord/discord-errors.ts'),
  ]);
  const app = createApp(config, { defaultLogLevel: 'warn' });
  try {
    const commands = slashCommands(app.router.commandList(), app.translator);
    const rest = new REST({ api: config.discord.apiUrl }).setToken(config.discord.token);
    const { applicationId } = config.discord;
    const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
    await rest.put(route, { body: commands });
    const where = guildId ? `server ${guildId}` : 'every server (global: Discord may take up to an hour to show them)';
    process.stdout.write(`Registered ${commands.length} commands (${commands.map((command) => `/${command.name}`).join(', ')}) for ${where}.\n`);
    return 0;
  } catch (error) {
    const failure = toPlatformError(error);
    const hint = failure.code === 'AUTH' ? ' (check DISCORD_TOKEN: the developer portal, Bot → Reset Token)' : '';
    process.stderr.write(`cphub: could not register the commands: ${failure.message}${hint}\n`);
    return 1;
  } finally {
    app.close();
  }
}
