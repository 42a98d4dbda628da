import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatTicket } from '../../src/domain/complaints/ticketNumber.js';
import { complaintWorkflowId } from '../../src/workflows/complaint/complaintContract.js';
import { historyPayloads } from '../support/historyPayloads.js';
import { officers } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import type { ApiTestStack } from './support/apiStack.js';
import { call, submitViaApi, uploadKtp } from './support/httpClient.js';
import { type LoggedApi, startLoggedApi } from './support/loggedApi.js';

// Complaints over real HTTP, against an app whose every log line (debug and up) is kept, so the
// test can show that no complaint text or answer reaches the logs or the workflow's history.
let logged: LoggedApi;
let api: ApiTestStack;
let url: string;
let logLines: string[];

beforeAll(async () => {
  logged = await startLoggedApi('api_complaints');
  ({ api, url, logLines } = logged);
});
afterAll(async () => {
  await logged?.stop();
});

const ABOUT_FILE = 'Sudah dua minggu berkas saya tidak ada kabar dari petugas verifikasi';
const PUNGLI = 'Oknum di parkiran kantor menawarkan jasa percepatan dengan bayaran Rp 750.000';
const ANSWER = 'Berkas Bapak/Ibu sudah diverifikasi hari ini; mohon maaf atas keterlambatannya';

test('a complaint about a file: filed with its access code, answered by a manager, reopened once', async () => {
  const file = await submitViaApi(url, 'TEST-FREE', await uploadKtp(url));
  const body = { category: 'delay', text: ABOUT_FILE, registrationNumber: file.registrationNumber };
  expect((await call(url, 'POST', '/api/v1/complaints', { body })).status).toBe(404);
  const filed = await call<{ ticket: string; ticketCode: string }>(url, 'POST', '/api/v1/complaints', {
    accessCode: file.accessCode,
    body,
  });
  expect(filed.status).toBe(201);
  const { ticket, ticketCode } = filed.body;
  // The first ticket of the year in this schema, numbered in SQL in formatTicket's shape.
  expect(ticket).toBe(formatTicket(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear(), 1));
  expect(ticketCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  const at = `/api/v1/complaints/${ticket}`;

  const status = await call(url, 'GET', at, { accessCode: ticketCode });
  expect(status.body).toMatchObject({
    ticket,
    category: 'delay',
    registrationNumber: file.registrationNumber,
    status: 'open',
    answers: [],
    reopenableUntil: null,
  });
  await waitFor(
    'the answer deadline',
    async () => (await call(url, 'GET', at, { accessCode: ticketCode })).body.deadline,
  );
  expect((await call(url, 'GET', at, { accessCode: file.accessCode })).status).toBe(404);

  // The file's audit trail shows the complaint (no text) to the department's managers only.
  const asManager = await call<{ complaints?: unknown[] }>(
    url,
    'GET',
    `/api/v1/applications/${file.registrationNumber}`,
    {
      bearer: api.keys.manager,
    },
  );
  expect(asManager.body.complaints).toEqual([
    expect.objectContaining({ ticket, category: 'delay', status: 'open' }),
  ]);
  expect(JSON.stringify(asManager.body)).not.toContain(ABOUT_FILE);
  const asVerifier = await call(url, 'GET', `/api/v1/applications/${file.registrationNumber}`, {
    bearer: api.keys.verifikator,
  });
  expect(asVerifier.status).toBe(200);
  expect(asVerifier.body).not.toHaveProperty('complaints');

  const queue = await call<{ complaints: { ticket: string }[] }>(url, 'GET', '/api/v1/complaints', {
    bearer: api.keys.manager,
  });
  expect(queue.body.complaints.map((c) => c.ticket)).toContain(ticket);
  // A manager of another department does not find it; an officer who is no manager is refused.
  await api.stack.pool.query(`UPDATE officers SET departments = '{DINKES}' WHERE id = $1`, [
    officers.kepala.id,
  ]);
  await api.stack.pool.query(`UPDATE officers SET roles = '{manager}' WHERE id = $1`, [officers.kepala.id]);
  const note = { note: ANSWER };
  expect((await call(url, 'POST', `${at}/response`, { bearer: api.keys.kepala, body: note })).status).toBe(
    404,
  );
  expect(
    (await call(url, 'POST', `${at}/response`, { bearer: api.keys.verifikator, body: note })).status,
  ).toBe(403);

  const answered = await call(url, 'POST', `${at}/response`, { bearer: api.keys.manager, body: note });
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({ status: 'answered', answers: [{ round: 1, note: ANSWER }] });
  expect(answered.body.reopenableUntil).toEqual(expect.any(String));
  // The complainant is told through the file's Telegram account; this file was filed by API
  // without one, so the notice is settled with no recipient, and the status answers instead.
  const told = await waitFor('the answer notice settled', async () => {
    const { rows } = await api.stack.pool.query(
      `SELECT audience, params, delivered_at IS NOT NULL AS settled FROM notification_outbox
       WHERE workflow_id = $1 AND template = 'complaint_answered'`,
      [ticket],
    );
    return rows[0]?.settled && rows[0];
  });
  expect(told).toMatchObject({ audience: 'complainant', params: { ticket, note: ANSWER } });

  const reopened = await call(url, 'POST', `${at}/reopen`, {
    accessCode: ticketCode,
    body: { reason: 'Belum ada kabar' },
  });
  expect(reopened.body).toMatchObject({ status: 'reopened' });
  await call(url, 'POST', `${at}/response`, { bearer: api.keys.manager, body: { note: 'Sudah selesai' } });
  const twice = await call(url, 'POST', `${at}/reopen`, { accessCode: ticketCode });
  expect(twice.status).toBe(409);
  expect(twice.body).toMatchObject({ reason: expect.stringMatching(/REOPENED_ALREADY|COMPLAINT_CLOSED/) });

  const history = await historyPayloads(api.stack.client.workflow.getHandle(complaintWorkflowId(ticket)));
  for (const text of [ABOUT_FILE, ANSWER, 'Belum ada kabar']) expect(history).not.toContain(text);
});

test('an anonymous pungli report stores no identity and counts in the public figures; no text in logs', async () => {
  const filed = await call<{ ticket: string }>(url, 'POST', '/api/v1/complaints', {
    body: { category: 'pungli', text: PUNGLI },
  });
  expect(filed.status).toBe(201);
  const { rows } = await api.stack.pool.query('SELECT * FROM complaints WHERE ticket = $1', [
    filed.body.ticket,
  ]);
  expect(rows[0]).toMatchObject({ registration_number: null, department: 'DPMPTSP', channel: 'api' });
  // No column holds an address, a chat or a name: the row is the report and its handling only.
  expect(Object.keys(rows[0])).not.toEqual(
    expect.arrayContaining([expect.stringMatching(/chat|address|ip|name/)]),
  );
  await waitFor('the second level told at once', () =>
    api.channel.sent.some(
      (n) => n.chatId === officers.kepalaKantor.chat && n.template === 'complaint_pungli',
    ),
  );

  const stats = await call<{ complaints: Record<string, unknown>[] }>(url, 'GET', '/api/v1/stats');
  const pungli = stats.body.complaints.find((c) => c.category === 'pungli');
  expect(pungli).toMatchObject({ received: 1, answered: 0, answeredOnTime: 0, medianResponseHours: null });
  const delay = stats.body.complaints.find((c) => c.category === 'delay');
  expect(delay).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1 });
  expect(delay?.medianResponseHours).toEqual(expect.any(Number));
  expect(JSON.stringify(stats.body.complaints)).not.toMatch(/ADU-|Rp 750/);

  const logs = logLines.join('');
  expect(logs.length).toBeGreaterThan(0);
  for (const text of [ABOUT_FILE, PUNGLI, ANSWER]) expect(logs).not.toContain(text);
});
