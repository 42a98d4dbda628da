import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateAccessCode, hashAccessCode } from '../../src/domain/identifiers/accessCode.js';
import { APPLICANT_CHAT, officers, submit } from '../support/permitScenario.js';
import { type BotHarness, startBotHarness } from './botHarness.js';

// /status (/cek) in the bot: officers read only the files of their roles and departments, the
// applicant sees who opened the file, and wrong access codes are limited per Telegram user.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-status-access');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

/** A file of APPLICANT_CHAT at its completeness stage (verifikator, DPMPTSP), with a known code. */
async function fileWithCode(): Promise<{ rn: string; code: string }> {
  const { registrationNumber } = await submit(h.stack, 'TEST-FREE');
  const code = generateAccessCode();
  await h.stack.pool.query('UPDATE applications SET access_code_hash = $2 WHERE registration_number = $1', [
    registrationNumber,
    await hashAccessCode(code),
  ]);
  return { rn: registrationNumber, code };
}

test("an officer reads only their role's and department's files, and the applicant sees who opened theirs", async () => {
  const { rn } = await fileWithCode();
  const technical = h.emulator.user(officers.teknis.chat);
  technical.send(`/cek ${rn}`);
  expect((await technical.expect('tidak ditemukan')).text).not.toContain('Izin Uji Gratis');

  const verifier = h.emulator.user(officers.verifikator.chat);
  verifier.send(`/cek ${rn}`);
  await verifier.expect(`${rn} — Izin Uji Gratis`);
  const { rows } = await h.stack.pool.query(
    'SELECT officer_id::text, role, department FROM officer_file_reads WHERE registration_number = $1',
    [rn],
  );
  expect(rows).toEqual([{ officer_id: officers.verifikator.id, role: 'verifikator', department: 'DPMPTSP' }]);

  const citizen = h.emulator.user(APPLICANT_CHAT);
  citizen.send(`/cek ${rn}`);
  const card = await citizen.expect(`${rn} — Izin Uji Gratis`);
  expect(card.text).toMatch(/Dibuka petugas:\n• verifikator DPMPTSP: 1×/);
});

test('wrong access codes are limited per Telegram user: past the limit even the right code is refused', async () => {
  const { rn, code } = await fileWithCode();
  const guesser = h.emulator.user(6101);
  for (let i = 0; i < 20; i++) {
    guesser.send(`/cek ${rn} ${generateAccessCode()}`);
    await guesser.expect('tidak ditemukan');
  }
  guesser.send(`/cek ${rn} ${code}`);
  const refused = await guesser.expect('Terlalu banyak');
  expect(refused.text).not.toContain('Izin Uji Gratis');

  // Another Telegram user with the right code is not affected.
  const holder = h.emulator.user(6102);
  holder.send(`/cek ${rn} ${code}`);
  await holder.expect(`${rn} — Izin Uji Gratis`);
  const { rows } = await h.stack.pool.query(
    'SELECT failures FROM telegram_code_failures WHERE telegram_user_id = 6101',
  );
  // Refused attempts past the limit are not checked, so not counted either.
  expect(rows).toEqual([{ failures: 20 }]);
});
