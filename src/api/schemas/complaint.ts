import { z } from 'zod';
import {
  COMPLAINT_CATEGORIES,
  MAX_COMPLAINT_TEXT_LENGTH,
} from '../../domain/complaints/complaintCategories.js';
import type { HeaderSpec } from '../openapi/routeRegistry.js';

export const complaintCategorySchema = z
  .enum(COMPLAINT_CATEGORIES)
  .describe(
    'delay; pungli (illegal levy or a request for money); conduct (an officer); decision (disputed); other',
  );

export const complaintStatusSchema = z
  .enum(['open', 'answered', 'reopened', 'closed'])
  .describe('open → answered → reopened (once, within 14 days) → answered → closed');

export const complaintTextSchema = z.string().max(MAX_COMPLAINT_TEXT_LENGTH);

export const ticketParams = z.strictObject({
  ticket: z
    .string()
    .regex(/^ADU-\d{4}-\d{6}$/)
    .describe('e.g. ADU-2026-000042'),
});

export const ticketCodeHeader: HeaderSpec = {
  name: 'X-Access-Code',
  required: true,
  description: 'The ticket code (e.g. ABCDE-FGHJK), shown once when the complaint was filed.',
  schema: z.string().max(40),
};

/** A complaint in a list (a manager's queue, a file's audit trail): no text. */
export const complaintListItemSchema = z.object({
  ticket: z.string(),
  category: complaintCategorySchema,
  registrationNumber: z.string().nullable(),
  department: z.string(),
  status: complaintStatusSchema,
  filedAt: z.string(),
  deadline: z.string().nullable(),
  escalated: z.boolean().describe('The answer deadline was missed and the second level was alerted'),
});

export const complaintViewSchema = z.object({
  ticket: z.string(),
  category: complaintCategorySchema,
  registrationNumber: z.string().nullable().describe('null for an anonymous complaint'),
  status: complaintStatusSchema,
  filedAt: z.string(),
  deadline: z.string().nullable().describe("The office's answer deadline of the current round"),
  answers: z.array(z.object({ round: z.int(), note: z.string(), answeredAt: z.string() })),
  reopenableUntil: z
    .string()
    .nullable()
    .describe('Until when POST .../reopen is accepted; null when it is not'),
});

export const complaintFiguresSchema = z.object({
  month: z.string().describe('YYYY-MM, Asia/Jakarta, of filing'),
  category: complaintCategorySchema,
  received: z.int(),
  answered: z.int(),
  answeredOnTime: z.int().describe('First answer before the first deadline'),
  medianResponseHours: z.number().nullable().describe('Median hours from filing to the first answer'),
});
