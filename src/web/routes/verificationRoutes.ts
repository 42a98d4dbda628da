// `/verifikasi/{token}`: the page the QR code on a permit opens (HTML, or JSON when asked with
// `Accept: application/json`), and the check of an uploaded copy (multipart `file`) against the
// genuine document. Public, outside /api/v1; rate limited per client address. An unknown token
// and any other miss answer the one 404 page, so a guess learns nothing; nothing here lists
// permits.

import { type Request, type RequestHandler, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import multer from 'multer';
import type { z } from 'zod';
import type { PermitVerification, Services } from '../../services/index.js';
import { renderNotFoundPage } from '../views/notFoundPage.js';
import { renderVerificationPage } from '../views/verificationPage.js';
import type { PageContext } from '../views/viewModels.js';
import { webLanguage } from '../webLocale.js';
import type { verificationSchema } from './verificationRouteSpecs.js';

/** A permit PDF is well under a megabyte; a larger upload is not the genuine one anyway. */
const MAX_UPLOAD_BYTES = 10 * 1_048_576;

// Pages, not an API: a stylesheet of our own and forms posting back here, nothing else.
const PAGE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface VerificationRouteSettings {
  /** Requests per minute per client address. */
  perMinute: number;
}

const wantsJson = (req: Request) => req.accepts(['text/html', 'application/json']) === 'application/json';

const pageOf = (req: Request): PageContext => ({
  language: webLanguage(req.query.lang),
  path: `/verifikasi/${encodeURIComponent(String(req.params.token ?? ''))}`,
});

function verificationJson(permit: PermitVerification): z.input<typeof verificationSchema> {
  return {
    status: permit.status,
    permitNumber: permit.permitNumber,
    permitType: permit.permitType,
    holder: permit.holderMasked,
    decision: permit.decision,
    issuedAt: permit.issuedAt.toISOString(),
    validUntil: permit.validUntil,
    office: permit.office,
    sha256: permit.sha256,
    revokedAt: permit.revocation?.at.toISOString() ?? null,
    revocationReason: permit.revocation?.reason ?? null,
  };
}

export function verificationRoutes(services: Services, settings: VerificationRouteSettings): Router {
  const verification = services.permitVerification;
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
  });

  // The page names no token (not even in its language switch): every miss gets the same bytes.
  const notFound = (req: Request, res: Response) => {
    const page = { language: webLanguage(req.query.lang), path: '/verifikasi' };
    res.status(404).type('html').send(renderNotFoundPage(verification.officeName, page));
  };

  const answer = (
    req: Request,
    res: Response,
    permit: PermitVerification,
    check: { genuine: boolean; sha256: string } | null,
  ) => {
    if (wantsJson(req)) {
      res.json(
        check
          ? { genuine: check.genuine, sha256: check.sha256, permit: verificationJson(permit) }
          : verificationJson(permit),
      );
      return;
    }
    const token = String(req.params.token);
    const view = { ...permit, officeName: verification.officeName, token, check };
    res.type('html').send(renderVerificationPage(view, pageOf(req)));
  };

  const readUpload: RequestHandler = (req, res, next) => {
    upload.single('file')(req, res, (error: unknown) => {
      // A broken or oversized upload (no genuine permit is that large) is answered like a missing
      // file, 400, never as a server error.
      if (error) req.file = undefined;
      next();
    });
  };

  router.use(
    '/verifikasi',
    (_req, res, next) => {
      res.setHeader('Content-Security-Policy', PAGE_POLICY);
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    rateLimit({
      windowMs: 60_000,
      limit: settings.perMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, res) => {
        res.setHeader('Retry-After', '60');
        res
          .status(429)
          .type('text/plain')
          .send(
            req.query.lang === 'en'
              ? 'Too many verification requests from this address. Try again in a minute.'
              : 'Terlalu banyak permintaan verifikasi dari alamat ini. Coba lagi dalam satu menit.',
          );
      },
    }),
  );

  router.get('/verifikasi/:token', async (req, res) => {
    const permit = await verification.verify(String(req.params.token));
    if (!permit) return notFound(req, res);
    answer(req, res, permit, null);
  });

  router.post('/verifikasi/:token', readUpload, async (req, res) => {
    const token = String(req.params.token);
    if (req.file) {
      const checked = await verification.checkCopy(token, req.file.buffer);
      if (!checked) return notFound(req, res);
      return answer(req, res, checked.permit, { genuine: checked.genuine, sha256: checked.sha256 });
    }
    const permit = await verification.verify(token);
    if (!permit) return notFound(req, res);
    res.status(400);
    if (!wantsJson(req)) return answer(req, res, permit, null);
    res.json({ error: 'send the PDF as the multipart form field "file" / kirim PDF sebagai isian "file"' });
  });

  router.all('/verifikasi', notFound);
  router.all('/verifikasi/*rest', notFound);
  return router;
}
