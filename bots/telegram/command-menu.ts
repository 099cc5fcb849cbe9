// The "/" menu Telegram shows: names and descriptions come from the core's locale files,
// registered in English (the default and `en`) and French (`fr`).

import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { errorCode } from '../../src/core/error-code.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Logger } from '../../src/logger.js';

export type CommandMenu = (lang: Lang) => ReadonlyArray<{ readonly command: string; readonly description: string }>;

const REGISTRATIONS: ReadonlyArray<{ readonly lang: Lang; readonly languageCode?: Lang }> = [
  { lang: 'en' },
  { lang: 'en', languageCode: 'en' },
  { lang: 'fr', languageCode: 'fr' },
];

// Telegram's own limits; an entry outside them would make the whole call fail.
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

export function validCommands(menu: ReturnType<CommandMenu>): BotCommand[] {
  return menu
    .filter((c) => COMMAND_NAME.test(c.command) && c.description.length >= 1 && c.description.length <= 256)
    .map((c) => ({ command: c.command, description: c.description }));
}

/**
 * Best effort: a menu that fails to register (after `retry`, which tries network failures
 * again) is logged and does not stop the bot.
 */
export async function registerCommandMenu(
  api: Api,
  menu: CommandMenu,
  logger: Logger,
  retry: <T>(call: () => Promise<T>) => Promise<T> = (call) => call(),
): Promise<void> {
  for (const { lang, languageCode } of REGISTRATIONS) {
    const entries = menu(lang);
    const commands = validCommands(entries);
    if (commands.length < entries.length) {
      logger.warn('TELEGRAM_COMMANDS_SKIPPED', { lang, skipped: entries.length - commands.length });
    }
    try {
      await retry(() => api.setMyCommands(commands, languageCode ? { language_code: languageCode } : {}));
    } catch (error) {
      logger.warn('TELEGRAM_COMMANDS_FAILED', { lang, error: errorCode(error) });
    }
  }
}
