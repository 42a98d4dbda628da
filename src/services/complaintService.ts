import type { Client } from '@temporalio/client';
import { inTransaction, type Pool } from '../db/pool.js';
import { jakartaDayNumber, yearOfDay } from '../domain/calendar/jakartaTime.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import {
  type ComplaintCategory,
  isComplaintCategory,
  MAX_COMPLAINT_TEXT_LENGTH,
} from '../domain/complaints/complaintCategories.js';
import {
  answer,
  type ComplaintStatus,
  reopen,
  reopenWindowEnd,
} from '../domain/complaints/complaintLifecycle.js';
import { complaintDepartment } from '../domain/complaints/complaintRouting.js';
import { normalizeTicket } from '../domain/complaints/ticketNumber.js';
import {
  formatAccessCode,
  generateAccessCode,
  hashAccessCode,
  verifyAccessCode,
} from '../domain/identifiers/accessCode.js';
import { findStagesOfFile } from '../repositories/applicationRepository.js';
import {
  type ComplaintListItem,
  type ComplaintMonthFigures,
  type ComplaintRow,
  complaintFiguresByMonth,
  complaintsAwaitingAnswer,
  findComplaint,
  insertComplaint,
  queueComplaintNotices,
  recordComplaintAnswer,
  recordComplaintReopen,
} from '../repositories/complaintRepository.js';
import {
  type ComplaintWorkflowInput,
  complaintAnsweredSignal,
  complaintReopenedSignal,
  complaintWorkflowId,
} from '../workflows/complaint/complaintContract.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import {
  complaintNotFound,
  lifecycleRefusal,
  textMissingOrTooLong,
  unknownCategory,
} from './complaintRefusals.js';

// Complaints (pengaduan): filed by anyone (about a file by its applicant, or anonymously),
// answered by the managers of the department concerned, reopened once by the complainant. The
// text goes to PostgreSQL alone; the complaint's workflow gets the ticket, category and department.

export interface ComplaintServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  taskQueue: string;
  access: CallerAccess;
}

export interface ComplaintFiling {
  category: string;
  text: string;
  registrationNumber?: string | undefined;
}

/** What the complainant (holder of the ticket code) sees. */
export interface ComplaintView {
  ticket: string;
  category: ComplaintCategory;
  registrationNumber: string | null;
  status: ComplaintStatus;
  filedAt: string;
  deadline: string | null;
  answers: { round: number; note: string; answeredAt: string }[];
  /** Until when it may be reopened; null when it may not (not answered, reopened already, closed). */
  reopenableUntil: string | null;
}

export type { ComplaintListItem, ComplaintMonthFigures };

/** How a complainant proves the complaint is theirs. */
export interface Complainant {
  ticketCode?: string | undefined;
  telegramUserId?: number | undefined;
}

const COMPLAINT_TEXT = { id: 'Isi pengaduan', en: 'The complaint text' };
const NOTE_TEXT = { id: 'Jawaban', en: 'The answer' };
const REASON_TEXT = { id: 'Alasan', en: 'The reason' };

/** Trimmed text within the limit (counted in characters), or a refusal naming what it is. */
function checkedText(value: string | undefined, what: { id: string; en: string }): string {
  const text = value?.trim() ?? '';
  if (text.length === 0 || [...text].length > MAX_COMPLAINT_TEXT_LENGTH) throw textMissingOrTooLong(what);
  return text;
}

function viewOf(row: ComplaintRow): ComplaintView {
  const reopenable = row.status === 'answered' && row.reopens === 0 && row.lastAnsweredAt !== null;
  const until = reopenable ? reopenWindowEnd(row.lastAnsweredAt!) : null;
  return {
    ticket: row.ticket,
    category: row.category,
    registrationNumber: row.registrationNumber,
    status: row.status,
    filedAt: row.filedAt,
    deadline: row.deadline,
    answers: row.answers,
    reopenableUntil: until !== null && Date.parse(until) > Date.now() ? until : null,
  };
}

export function createComplaintService(deps: ComplaintServiceDependencies) {
  const policy = deps.catalog.complaints;

  async function departmentOfFile(caller: Caller, registrationNumber: string): Promise<string> {
    await deps.access.requireApplicant(caller, registrationNumber);
    const file = await findStagesOfFile(deps.pool, registrationNumber);
    const permitType = file && findPermitType(deps.catalog, file.permitTypeCode);
    if (!permitType) throw complaintNotFound();
    return permitType.department;
  }

  /** The complaint if the complainant holds it (see ofComplainant), else null. */
  async function heldBy(ticket: string, complainant: Complainant): Promise<ComplaintRow | null> {
    const normalized = normalizeTicket(ticket);
    const row = normalized ? await findComplaint(deps.pool, normalized) : null;
    if (!row) return null;
    const { ticketCode, telegramUserId } = complainant;
    if (ticketCode !== undefined && (await verifyAccessCode(ticketCode, row.ticketCodeHash))) return row;
    if (
      telegramUserId !== undefined &&
      row.registrationNumber !== null &&
      (await deps.access.isApplicant({ telegramUserId }, row.registrationNumber))
    ) {
      return row;
    }
    return null;
  }

  /**
   * The complaint if the caller filed it: holds its ticket code, or (for a complaint about a
   * file) is the file's Telegram account. Anyone else reads it as a missing ticket. A ticket code
   * typed into the bot counts against the Telegram user's limit of wrong codes, like an access code.
   */
  async function ofComplainant(ticket: string, complainant: Complainant): Promise<ComplaintRow> {
    const { ticketCode, telegramUserId } = complainant;
    const row =
      ticketCode !== undefined && telegramUserId !== undefined
        ? await deps.access.checkCodeTypedInTelegram(telegramUserId, () => heldBy(ticket, complainant))
        : await heldBy(ticket, complainant);
    if (!row) throw complaintNotFound();
    return row;
  }

  const signal = (ticket: string) => deps.temporal.workflow.getHandle(complaintWorkflowId(ticket));

  return {
    /** Files a complaint and starts its workflow; the ticket code is returned once, never stored plain. */
    async file(
      caller: Caller,
      filing: ComplaintFiling,
      channel: 'telegram' | 'api',
    ): Promise<{ ticket: string; ticketCode: string }> {
      if (!isComplaintCategory(filing.category)) throw unknownCategory();
      const body = checkedText(filing.text, COMPLAINT_TEXT);
      const registrationNumber = filing.registrationNumber ?? null;
      const fileDepartment = registrationNumber ? await departmentOfFile(caller, registrationNumber) : null;
      const department = complaintDepartment(fileDepartment, policy);
      const code = generateAccessCode();
      const filedAt = new Date();
      const ticket = await insertComplaint(deps.pool, {
        year: yearOfDay(jakartaDayNumber(filedAt.getTime())),
        codeHash: await hashAccessCode(code),
        category: filing.category,
        body,
        registrationNumber,
        department,
        channel,
      });
      const input: ComplaintWorkflowInput = {
        ticket,
        category: filing.category,
        department,
        filedAt: filedAt.toISOString(),
        policy: {
          responseDeadline: policy.responseDeadline,
          reminderAt: policy.reminderAt,
          secondLevelRole: policy.secondLevelRole,
        },
      };
      await deps.temporal.workflow.start('complaintWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId: complaintWorkflowId(ticket),
        args: [input],
      });
      return { ticket, ticketCode: formatAccessCode(code) };
    },

    /** For the complainant (ticket code, or the Telegram account of the file complained about). */
    async view(ticket: string, complainant: Complainant): Promise<ComplaintView> {
      return viewOf(await ofComplainant(ticket, complainant));
    },

    /** A manager of the department answers; the complainant is told. */
    async respond(caller: Caller, ticket: string, note: string): Promise<ComplaintView> {
      const manager = await deps.access.requireManager(caller);
      const text = checkedText(note, NOTE_TEXT);
      const normalized = normalizeTicket(ticket);
      if (!normalized) throw complaintNotFound();
      const { round } = await inTransaction(deps.pool, async (client) => {
        const row = await findComplaint(client, normalized, true);
        if (!row || !manager.departments.includes(row.department)) throw complaintNotFound();
        const step = answer(row, new Date().toISOString());
        if (!step.ok) throw lifecycleRefusal(step.refusal);
        const round = row.reopens + 1;
        await recordComplaintAnswer(client, { ticket: row.ticket, round, officerId: manager.id, note: text });
        await queueComplaintNotices(client, row.ticket, [
          {
            eventKey: `${row.ticket}:answer:${round}`,
            audience: 'complainant',
            recipient: {},
            template: 'complaint_answered',
            params: { ticket: row.ticket, note: text, reopenable: row.reopens === 0 },
          },
        ]);
        return { round };
      });
      await signal(normalized).signal(complaintAnsweredSignal, { round });
      return viewOf((await findComplaint(deps.pool, normalized))!);
    },

    /** The complainant reopens an answered complaint, once, within the window. */
    async reopen(ticket: string, complainant: Complainant, reason?: string): Promise<ComplaintView> {
      const found = await ofComplainant(ticket, complainant);
      const why = reason?.trim() ? checkedText(reason, REASON_TEXT) : null;
      const at = await inTransaction(deps.pool, async (client) => {
        const row = (await findComplaint(client, found.ticket, true))!;
        const step = reopen(row, new Date().toISOString());
        if (!step.ok) throw lifecycleRefusal(step.refusal);
        const reopenedAt = await recordComplaintReopen(client, row.ticket, why);
        await queueComplaintNotices(client, row.ticket, [
          {
            eventKey: `${row.ticket}:reopened`,
            audience: 'managers',
            recipient: { department: row.department },
            template: 'complaint_reopened',
            params: { ticket: row.ticket, category: row.category },
          },
        ]);
        return reopenedAt;
      });
      await signal(found.ticket).signal(complaintReopenedSignal, { at });
      return viewOf((await findComplaint(deps.pool, found.ticket))!);
    },

    /** The text of a complaint waiting on the manager's answer (the bot shows it before the reply). */
    async forManager(caller: Caller, ticket: string): Promise<Omit<ComplaintRow, 'ticketCodeHash'>> {
      const manager = await deps.access.requireManager(caller);
      const normalized = normalizeTicket(ticket);
      const row = normalized ? await findComplaint(deps.pool, normalized) : null;
      if (!row || !manager.departments.includes(row.department)) throw complaintNotFound();
      const { ticketCodeHash: _, ...complaint } = row;
      return complaint;
    },

    /** Complaints waiting on an answer in the manager's departments. */
    async awaiting(caller: Caller): Promise<ComplaintListItem[]> {
      const manager = await deps.access.requireManager(caller);
      return complaintsAwaitingAnswer(deps.pool, manager.departments);
    },

    /** Counts per month and category, answered on time, median response: no text, no identity. */
    publicFigures(): Promise<ComplaintMonthFigures[]> {
      return complaintFiguresByMonth(deps.pool);
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
