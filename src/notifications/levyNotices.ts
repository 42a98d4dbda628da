// What the levy adds to the applicant's notices before they go out. The payment request carries
// the SKRD (issued here, once) with its billing code, and queues the payment reminders; a
// reminder goes out only while the file still awaits payment; the "paid" notice becomes the
// receipt, with the billing code and the gateway's reference, and carries the receipt's PDF, the
// same bytes GET .../receipt answers. Runs in the outbox delivery, so the workflow's commands
// stay as they are.

import type { Queryable } from '../db/pool.js';
import { skrdFileName } from '../documents/skrd/skrdModel.js';
import type { PaymentStageDef, PermitType } from '../domain/catalog/catalogSchema.js';
import { parseIsoDuration } from '../domain/sla/isoDuration.js';
import {
  assessableFile,
  findAssessment,
  recordedPaymentReference,
} from '../repositories/levyAssessmentRepository.js';
import { type OutboxNotice, scheduleNotice } from '../repositories/outboxRepository.js';
import { paymentReceiptOf } from '../services/paymentReceipts.js';
import type { NoticePreparation, NoticePreparer } from './noticePreparation.js';
import { issueSkrd, paymentRequestOf, type SkrdIssuerDependencies } from './skrdIssuer.js';

export const PAYMENT_REMINDER_TEMPLATE = 'payment_reminder';

function paymentStageOf(type: PermitType): PaymentStageDef | undefined {
  return type.stages.find((stage): stage is PaymentStageDef => stage.kind === 'applicant_payment');
}

async function paymentRequested(
  db: Queryable,
  deps: SkrdIssuerDependencies,
  notice: OutboxNotice,
): Promise<NoticePreparation> {
  const request = paymentRequestOf(notice.workflowId, notice.params);
  // The deadline is passed on as the notice states it (a request always has one).
  const { deadline } = notice.params;
  if (!request || typeof deadline !== 'string') return {};
  const { dueAt } = request;
  // Usually the worker's levy job issued it already; otherwise it is issued here.
  const { assessment, permitType, pdf } = await issueSkrd(db, deps, request);
  const params = { billingCode: assessment.billingCode, amount: assessment.amount, deadline };
  const now = Date.now();
  for (const before of paymentStageOf(permitType)?.reminders ?? []) {
    const at = dueAt.getTime() - parseIsoDuration(before);
    // A reminder whose time passed before the request went out would only repeat the request.
    if (at <= now) continue;
    await scheduleNotice(
      db,
      {
        eventKey: `${notice.eventKey}:reminder:${before}`,
        workflowId: notice.workflowId,
        audience: 'applicant',
        recipient: notice.recipient,
        template: PAYMENT_REMINDER_TEMPLATE,
        params: { registrationNumber: notice.workflowId, ...params },
      },
      new Date(at),
    );
  }
  return { params, attachment: { fileName: skrdFileName(assessment.billingCode), content: pdf } };
}

async function reminder(db: Queryable, notice: OutboxNotice): Promise<NoticePreparation> {
  const file = await assessableFile(db, notice.workflowId);
  if (file?.status !== 'AWAITING_PAYMENT') return { skip: 'the file no longer awaits payment' };
  if ((await recordedPaymentReference(db, notice.workflowId)) !== null) return { skip: 'the levy is paid' };
  return {};
}

async function receipt(
  db: Queryable,
  deps: SkrdIssuerDependencies,
  notice: OutboxNotice,
): Promise<NoticePreparation> {
  const reference = await recordedPaymentReference(db, notice.workflowId);
  const assessment = await findAssessment(db, notice.workflowId);
  if (reference === null) return {};
  const pdf = await paymentReceiptOf(db, deps, notice.workflowId);
  return {
    params: {
      reference,
      ...(assessment ? { billingCode: assessment.billingCode, amount: assessment.amount } : {}),
    },
    ...(pdf ? { attachment: { fileName: pdf.fileName, content: pdf.content } } : {}),
  };
}

export function levyNoticePreparer(deps: SkrdIssuerDependencies): NoticePreparer {
  return async (db, notice) => {
    if (notice.audience !== 'applicant') return {};
    switch (notice.template) {
      case 'payment_requested':
        return paymentRequested(db, deps, notice);
      case PAYMENT_REMINDER_TEMPLATE:
        return reminder(db, notice);
      case 'paid':
        return receipt(db, deps, notice);
      default:
        return {};
    }
  };
}
