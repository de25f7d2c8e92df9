/**
 * `cphub admin add <platform:user-id>`: makes a member an administrator from
 * the server's shell (the first one, or when no admin is at hand). They must
 * have joined first (/start, "I agree"): a role is never given to someone who
 * has not consented. Written to the audit log as decided by `cli`.
 */
import type { Command } from 'commander';
import { loadConfig, parseAccount } from '../config.ts';
import { createApp } from '../main.ts';

const ACCOUNT = /^(console|telegram|discord|slack):\S+$/;

export function registerAdminCommand(program: Command): void {
  program
    .command('admin')
    .description('administrators')
    .command('add')
    .description('make a member an administrator (they must have joined: /start, "I agree")')
    .argument('<account>', 'platform:user-id, e.g. telegram:123456789 or slack:U0123ABCD')
    .action(async (text: string) => {
      process.exitCode = await addAdmin(text);
    });
}

async function addAdmin(text: string): Promise<number> {
  if (!ACCOUNT.test(text)) {
    process.stderr.write(`cphub: "${text}" is not an account: write platform:user-id, e.g. telegram:123456789\n`);
    return 2;
  }
  const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
  try {
    const account = parseAccount(text);
    const member = await app.services.members.findByAccount(account.platform, account.userId);
    if (!member) {
      process.stderr.write(`cphub: ${text} has not joined yet: they send /start and press "I agree" first, then run this again.\n`);
      return 1;
    }
    await app.services.members.setRole(member.id, 'admin', 'cli');
    process.stdout.write(`${text} is an administrator.\n`);
    return 0;
  } finally {
    app.close();
  }
}
