// `/verifikasi/{token}`: what the QR code on a permit opens. The state in large words, the
// permit's public facts (the holder's name masked), the fingerprint of the genuine document,
// and a form to check whether an uploaded copy is byte for byte the genuine one.

import { formatLongDate } from '../../domain/calendar/longDate.js';
import { describeValidity } from '../../domain/permits/validity.js';
import type { WebTexts } from '../webLocale.js';
import { hrefIn, renderPage } from './layout.js';
import type { PageContext, VerificationPageView } from './viewModels.js';
import { formatDateTime } from './webFormat.js';

function CheckResult({ check, t }: { check: NonNullable<VerificationPageView['check']>; t: WebTexts }) {
  return (
    <section class={`notice ${check.genuine ? 'notice-good' : 'notice-bad'}`} role="status">
      <p>
        <strong>{t.t(check.genuine ? 'verify-genuine' : 'verify-not-genuine')}</strong>
      </p>
      <p>
        {t.t('verify-uploaded-sha256')}: <code class="hash">{check.sha256}</code>
      </p>
    </section>
  );
}

export function renderVerificationPage(view: VerificationPageView, page: PageContext): string {
  const action = hrefIn(`/verifikasi/${encodeURIComponent(view.token)}`, page.language);
  return renderPage(
    page,
    view.officeName,
    (t) => t.t('verify-title'),
    (t) => (
      <>
        <h1>{t.t('verify-title')}</h1>
        {view.check ? <CheckResult check={view.check} t={t} /> : null}
        <section class={`verdict verdict-${view.status.toLowerCase()}`} aria-labelledby="status">
          <p id="status" class="verdict-word">
            {t.t(`verify-status-${view.status}`)}
          </p>
          <p>{t.t(`verify-status-text-${view.status}`)}</p>
        </section>
        <dl class="card facts">
          <dt>{t.t('verify-permit-number')}</dt>
          <dd>{view.permitNumber}</dd>
          <dt>{t.t('verify-permit-type')}</dt>
          <dd>{view.permitType[t.language]}</dd>
          <dt>{t.t('verify-holder')}</dt>
          <dd>{view.holderMasked}</dd>
          <dt>{t.t('verify-issued-at')}</dt>
          <dd>{formatLongDate(view.issuedAt, t.language)}</dd>
          <dt>{t.t('verify-validity')}</dt>
          <dd>{describeValidity(view.validity, view.validUntil, t.language)}</dd>
          <dt>{t.t('verify-office')}</dt>
          <dd>{view.office[t.language]}</dd>
          {view.revocation ? (
            <>
              <dt>{t.t('verify-revoked-at')}</dt>
              <dd>{formatDateTime(view.revocation.at, t.language)}</dd>
              <dt>{t.t('verify-revoked-reason')}</dt>
              <dd>{view.revocation.reason}</dd>
            </>
          ) : null}
          <dt>{t.t('verify-sha256')}</dt>
          <dd>
            <code class="hash">{view.sha256}</code>
          </dd>
        </dl>
        <form class="card" method="post" action={action} enctype="multipart/form-data">
          <h2>{t.t('verify-check-title')}</h2>
          <p>{t.t('verify-check-intro')}</p>
          <p>
            <label for="file">{t.t('verify-file')}</label>
            <input id="file" name="file" type="file" accept="application/pdf,.pdf" required />
          </p>
          <p>
            <button type="submit">{t.t('verify-check-submit')}</button>
          </p>
        </form>
      </>
    ),
  );
}
