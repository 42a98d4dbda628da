import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { createServices, type Services } from '../../src/services/index.js';
import { complaintWorkflowId } from '../../src/workflows/complaint/complaintContract.js';
import { historyPayloads } from '../support/historyPayloads.js';
import { officers, submit, testCatalog, usePermitStack } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';

// The complaint workflow on the real dev server, with the test catalog's seconds-scale answer
// deadline (PT4S, reminder at half of it).
const env = usePermitStack('complaint_workflow');
let services: Services;

beforeAll(async () => {
  services = createServices({
    pool: env.stack.pool,
    temporal: env.stack.client,
    catalog: testCatalog,
    calendar: env.stack.calendar,
    taskQueue: env.stack.taskQueue,
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'perizinan-complaints-')),
  });
});

const templatesTo = (chat: number, ticket: string) =>
  env.channel.sent
    .filter((n) => n.chatId === chat && n.eventKey.startsWith(`${ticket}:`))
    .map((n) => n.template);

async function managerOf(): Promise<never> {
  const { rows } = await env.stack.pool.query('SELECT * FROM officers WHERE id = $1', [officers.manager.id]);
  const r = rows[0];
  return {
    officer: { id: r.id, name: r.name, roles: r.roles, departments: r.departments, active: true },
  } as never;
}

test('an anonymous pungli report reaches the second level at once and again when the deadline is missed', async () => {
  const TEXT = 'Petugas loket meminta uang Rp 500.000 agar berkas cepat diproses';
  const { ticket, ticketCode } = await services.complaints.file(
    {},
    { category: 'pungli', text: TEXT },
    'api',
  );
  expect(ticket).toMatch(/^ADU-\d{4}-\d{6}$/);
  await waitFor('the pungli report at the second level', () =>
    templatesTo(officers.kepalaKantor.chat, ticket).includes('complaint_pungli'),
  );
  expect(templatesTo(officers.manager.chat, ticket)).toContain('complaint_filed');
  await waitFor('the reminder to the managers', () =>
    templatesTo(officers.manager.chat, ticket).includes('complaint_reminder'),
  );
  await waitFor('the escalation of the missed deadline', () =>
    templatesTo(officers.kepalaKantor.chat, ticket).includes('complaint_overdue'),
  );
  const late = await services.complaints.respond(
    await managerOf(),
    ticket,
    'Petugas sudah diperiksa Inspektorat.',
  );
  expect(late.status).toBe('answered');
  const { rows } = await env.stack.pool.query(
    'SELECT answered_on_time, escalated_at IS NOT NULL AS escalated, registration_number FROM complaints WHERE ticket = $1',
    [ticket],
  );
  expect(rows[0]).toEqual({ answered_on_time: false, escalated: true, registration_number: null });
  // The text stays in PostgreSQL: the workflow's history holds the ticket, never the complaint.
  const history = await historyPayloads(env.stack.client.workflow.getHandle(complaintWorkflowId(ticket)));
  expect(history).toContain(ticket);
  expect(history).not.toContain('Rp 500.000');
  expect(history).not.toContain('Inspektorat');
  expect(history).not.toContain(ticketCode);
});

test('a complaint about a file, answered in time, reopened once, answered again and closed', async () => {
  const { registrationNumber } = await submit(env.stack, 'TEST-FREE');
  const { ticket, ticketCode } = await services.complaints.file(
    { telegramUserId: 5001 },
    { category: 'delay', text: 'Berkas saya belum diperiksa', registrationNumber },
    'telegram',
  );
  const answered = await services.complaints.respond(await managerOf(), ticket, 'Berkas diperiksa hari ini.');
  expect(answered.reopenableUntil).not.toBeNull();
  await waitFor('the complainant told of the answer', () =>
    env.channel.sent.some((n) => n.chatId === 5001 && n.template === 'complaint_answered'),
  );
  const reopened = await services.complaints.reopen(ticket, { ticketCode }, 'Belum ada perubahan status');
  expect(reopened.status).toBe('reopened');
  await expect(services.complaints.reopen(ticket, { ticketCode })).rejects.toMatchObject({
    details: { reason: 'NOT_ANSWERED' },
  });
  await waitFor('the new deadline of the reopened round', async () => {
    const view = await services.complaints.view(ticket, { ticketCode });
    return view.deadline !== null && Date.parse(view.deadline) > Date.parse(reopened.filedAt) + 4_000 && view;
  });
  await services.complaints.respond(await managerOf(), ticket, 'Status berkas sudah diperbarui.');
  const handle = env.stack.client.workflow.getHandle(complaintWorkflowId(ticket));
  await handle.result();
  const closed = await services.complaints.view(ticket, { ticketCode });
  expect(closed.status).toBe('closed');
  expect(closed.answers.map((a) => a.round)).toEqual([1, 2]);
  expect(closed.reopenableUntil).toBeNull();
  await expect(services.complaints.reopen(ticket, { ticketCode })).rejects.toMatchObject({
    details: { reason: 'COMPLAINT_CLOSED' },
  });
  // The managers heard of the complaint and of its reopening (notices go out from the outbox, so
  // the reopening's may still be on its way); a delay is no pungli for the second level.
  await waitFor('the managers told of the complaint and of its reopening', () =>
    ['complaint_filed', 'complaint_reopened'].every((t) =>
      templatesTo(officers.manager.chat, ticket).includes(t),
    ),
  );
  expect(templatesTo(officers.kepalaKantor.chat, ticket)).not.toContain('complaint_pungli');
});
