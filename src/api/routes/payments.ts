import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ServiceError } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { markAuthFailed } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { Problem } from '../problems/problem.js';
import { REGISTRATION_NUMBER_PATTERN } from '../schemas/common.js';

const callbackSchema = z
  .strictObject({
    registrationNumber: z.string().max(40).regex(REGISTRATION_NUMBER_PATTERN).optional(),
    billingCode: z
      .string()
      .regex(/^\d{12}$/)
      .optional()
      .describe("The SKRD's billing code (kode bayar), instead of the registration number"),
    reference: z.string().trim().min(1).max(100).describe("The gateway's unique payment reference"),
    amount: z.int().nonnegative().describe('Rupiah paid'),
    paidAt: z.iso.datetime({ offset: true }),
  })
  .refine((body) => (body.registrationNumber === undefined) !== (body.billingCode === undefined), {
    message: 'name the file by exactly one of registrationNumber and billingCode',
  });

/** `X-Signature: sha256=<hex>`: HMAC-SHA256 of the raw body with the shared secret. */
export const SIGNATURE_HEADER = 'X-Signature';

export function signPaymentBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function configured(ctx: ApiContext): RequestHandler {
  return (_req, _res, next) => {
    if (!ctx.settings.paymentWebhookSecret) {
      // 503, not 4xx: a gateway retries, so no confirmation is lost while the secret is being set.
      throw new Problem(
        503,
        'not-configured',
        {
          id: 'Callback pembayaran belum dikonfigurasi (PAYMENT_WEBHOOK_SECRET belum disetel). Kirim ulang nanti.',
          en: 'Payment callbacks are not configured yet (PAYMENT_WEBHOOK_SECRET is not set). Retry later.',
        },
        {},
        { 'Retry-After': '300' },
      );
    }
    next();
  };
}

/** Checked on the raw bytes before anything is parsed; compared in constant time. */
function signatureVerified(ctx: ApiContext): RequestHandler {
  return (req, res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const given = /^sha256=([0-9a-f]{64})$/i.exec(req.get(SIGNATURE_HEADER) ?? '')?.[1];
    const expected = createHmac('sha256', ctx.settings.paymentWebhookSecret ?? '')
      .update(body)
      .digest();
    if (!given || !timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), expected)) {
      markAuthFailed(res);
      ctx.metrics.paymentCallbacks.inc({ outcome: 'bad_signature' });
      throw new Problem(401, 'invalid-signature', {
        id: 'Tanda tangan X-Signature tidak cocok dengan isi permintaan. Periksa rahasia bersama dan hitung HMAC-SHA256 dari isi mentah.',
        en: 'The X-Signature does not match the body. Check the shared secret and sign the raw body with HMAC-SHA256.',
      });
    }
    next();
  };
}

export function paymentRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/payments/callback',
      operationId: 'confirmPayment',
      summary: "The payment gateway's confirmation of a paid levy (SKRD)",
      description:
        'Authenticated by `X-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body with ' +
        "PAYMENT_WEBHOOK_SECRET. The file's workflow takes the confirmation or refuses it before " +
        'anything changes. Duplicates are harmless: a reference already applied answers `duplicate` ' +
        '(200) however often the gateway retries. A confirmation the file cannot take because it ' +
        'does not, or no longer, await payment (it lapsed, was withdrawn or closed, or was paid ' +
        'under another reference) is refused with 409 `payment-not-expected`: nothing is applied, ' +
        'the refusal is recorded, and the gateway should refund the payer. An amount other than ' +
        "the assessed levy is refused (422). The file may be named by `billingCode` (the SKRD's kode " +
        'bayar) instead of `registrationNumber`, signed the same way; an unknown billing code is ' +
        'refused (404). Every refusal (wrong amount, unknown code, a file that does not await ' +
        'payment, e.g. a code already paid) is recorded in the admin audit. Once applied, the ' +
        "applicant receives a receipt with the gateway's reference.",
      tags: ['payments'],
      security: ['paymentSignature'],
      body: { kind: 'rawJson', schema: callbackSchema, maxBytes: 16 * 1024 },
      beforeBody: [configured(ctx)],
      afterBody: [signatureVerified(ctx)],
      responses: {
        200: {
          description: 'Applied, or already applied before',
          schema: z.object({
            registrationNumber: z.string(),
            billingCode: z.string().optional(),
            reference: z.string(),
            outcome: z.enum(['accepted', 'duplicate']),
          }),
        },
        401: { description: 'Missing or wrong signature' },
        404: { description: 'No such file, or an unknown billing code (recorded; refund the payer)' },
        409: {
          description:
            '`payment-not-expected`: the file does not, or no longer, await payment (lapsed, ' +
            'withdrawn, closed, or already paid under another reference). Not applied; refund the payer. ' +
            "`reason` gives the stage machine's reason (CLOSED_FILE or WRONG_STAGE).",
        },
        422: { description: 'The amount differs from the assessed levy, or no levy is due' },
      },
    },
    async (_req, res, { body }) => {
      try {
        const payment = { reference: body.reference, amount: body.amount, paidAt: body.paidAt };
        const { registrationNumber, outcome } = body.billingCode
          ? await ctx.services.payments.confirmBillingCodePayment(body.billingCode, payment)
          : {
              registrationNumber: body.registrationNumber as string,
              outcome: await ctx.services.payments.confirmGatewayPayment(
                body.registrationNumber as string,
                payment,
              ),
            };
        ctx.metrics.paymentCallbacks.inc({ outcome });
        res.json({
          registrationNumber,
          ...(body.billingCode ? { billingCode: body.billingCode } : {}),
          reference: body.reference,
          outcome,
        });
      } catch (error) {
        if (error instanceof ServiceError) ctx.metrics.paymentCallbacks.inc({ outcome: 'refused' });
        throw error;
      }
    },
  );
}
