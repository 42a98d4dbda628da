import type { I18n } from '@grammyjs/i18n';
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { isManager } from '../domain/officers/managerRole.js';
import type { Officer } from '../services/index.js';
import type { BotContext, Language } from './context.js';
import { LANGUAGES } from './i18n.js';

type Audience = 'everyone' | 'officer' | 'manager';

interface CommandDef {
  /** Indonesian name first, then the English alias; both always work. */
  names: { id: string; en: string };
  audience: Audience;
  /** Shown in Telegram's command menu; hidden ones still work (e.g. /cancel). */
  inMenu: boolean;
}

export const COMMANDS = {
  start: { names: { id: 'start', en: 'start' }, audience: 'everyone', inMenu: true },
  apply: { names: { id: 'ajukan', en: 'apply' }, audience: 'everyone', inMenu: true },
  status: { names: { id: 'cek', en: 'status' }, audience: 'everyone', inMenu: true },
  mine: { names: { id: 'permohonan', en: 'mine' }, audience: 'everyone', inMenu: true },
  withdraw: { names: { id: 'batal', en: 'withdraw' }, audience: 'everyone', inMenu: true },
  survey: { names: { id: 'survei', en: 'survey' }, audience: 'everyone', inMenu: true },
  complaint: { names: { id: 'pengaduan', en: 'complaint' }, audience: 'everyone', inMenu: true },
  complaintStatus: { names: { id: 'cekaduan', en: 'checkcomplaint' }, audience: 'everyone', inMenu: true },
  language: { names: { id: 'bahasa', en: 'language' }, audience: 'everyone', inMenu: true },
  help: { names: { id: 'bantuan', en: 'help' }, audience: 'everyone', inMenu: true },
  cancel: { names: { id: 'keluar', en: 'cancel' }, audience: 'everyone', inMenu: false },
  inbox: { names: { id: 'tugas', en: 'inbox' }, audience: 'officer', inMenu: true },
  approve: { names: { id: 'setujui', en: 'approve' }, audience: 'officer', inMenu: true },
  reject: { names: { id: 'tolak', en: 'reject' }, audience: 'officer', inMenu: true },
  revise: { names: { id: 'perbaiki', en: 'revise' }, audience: 'officer', inMenu: true },
  sla: { names: { id: 'sla', en: 'sla' }, audience: 'manager', inMenu: true },
  complaints: { names: { id: 'aduan', en: 'complaints' }, audience: 'manager', inMenu: true },
} as const satisfies Record<string, CommandDef>;

export type CommandName = keyof typeof COMMANDS;

/** Both names of a command, for `bot.command(...)`. */
export function commandNames(command: CommandName): string[] {
  const { id, en } = COMMANDS[command].names;
  return id === en ? [id] : [id, en];
}

export const ALL_COMMAND_NAMES: ReadonlySet<string> = new Set(
  (Object.keys(COMMANDS) as CommandName[]).flatMap(commandNames),
);

function audiencesOf(officer: Officer | null): Audience[] {
  if (!officer) return ['everyone'];
  return isManager(officer) ? ['everyone', 'officer', 'manager'] : ['everyone', 'officer'];
}

/** The command menu in one language for someone with these audiences. */
export function menuFor(i18n: I18n<BotContext>, language: Language, officer: Officer | null): BotCommand[] {
  const audiences = audiencesOf(officer);
  return (Object.entries(COMMANDS) as [CommandName, CommandDef][])
    .filter(([, def]) => def.inMenu && audiences.includes(def.audience))
    .map(([name, def]) => ({
      command: def.names[language],
      description: i18n.t(language, `command-${name}`),
    }));
}

/**
 * The default menus: Indonesian for everyone, English for users whose Telegram app is in
 * English. Officers and managers get their own menu per chat when they open the bot.
 */
export async function registerDefaultCommands(api: Api, i18n: I18n<BotContext>): Promise<void> {
  await api.setMyCommands(menuFor(i18n, 'id', null));
  for (const language of LANGUAGES.filter((l) => l !== 'id')) {
    await api.setMyCommands(menuFor(i18n, language, null), { language_code: language });
  }
}

/** This chat's menu in the language the user chose, with officer and manager commands if theirs. */
export async function registerChatCommands(
  api: Api,
  i18n: I18n<BotContext>,
  chatId: number,
  language: Language,
  officer: Officer | null,
): Promise<void> {
  await api.setMyCommands(menuFor(i18n, language, officer), { scope: { type: 'chat', chat_id: chatId } });
}
