// `/lacak`: the tracking form and, for a matching registration number and access code, the
// file's status and history. A wrong pair shows one sentence and nothing of any file. The form
// posts, so the access code stays out of addresses and logs; it is never written back.

import { FILE_STATUS_LABELS } from '../../domain/stages/fileState.js';
import type { WebTexts } from '../webLocale.js';
import { hrefIn, renderPage } from './layout.js';
import type { PageContext, TrackedFileView, TrackingPageView } from './viewModels.js';
import { formatDateTime } from './webFormat.js';

function eventText(action: string, t: WebTexts): string {
  return t.has(`event-${action}`) ? t.t(`event-${action}`) : t.t('event-other');
}

function TrackedFile({ file, t }: { file: TrackedFileView; t: WebTexts }) {
  return (
    <section class="card" aria-labelledby="hasil">
      <h2 id="hasil">{t.t('tracking-result')}</h2>
      <dl>
        <dt>{t.t('tracking-number')}</dt>
        <dd>{file.registrationNumber}</dd>
        <dt>{t.t('tracking-permit-type')}</dt>
        <dd>{file.permitType[t.language]}</dd>
        <dt>{t.t('tracking-status')}</dt>
        <dd>
          <strong>{FILE_STATUS_LABELS[file.status][t.language]}</strong>
        </dd>
        <dt>{t.t('tracking-submitted-at')}</dt>
        <dd>{formatDateTime(file.submittedAt, t.language)}</dd>
        {file.currentStage ? (
          <>
            <dt>{t.t('tracking-stage')}</dt>
            <dd>{file.currentStage[t.language]}</dd>
          </>
        ) : null}
        {file.deadline ? (
          <>
            <dt>{t.t('tracking-deadline')}</dt>
            <dd>{formatDateTime(file.deadline, t.language)}</dd>
          </>
        ) : null}
        {file.permitNumber ? (
          <>
            <dt>{t.t('tracking-permit-number')}</dt>
            <dd>{file.permitNumber}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t.t('tracking-history')}</h3>
      {file.history.length === 0 ? (
        <p>{t.t('tracking-history-empty')}</p>
      ) : (
        <ol class="timeline">
          {file.history.map((entry) => (
            <li>
              <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at, t.language)}</time>
              <span class="event">
                {eventText(entry.action, t)}
                {entry.stage ? ` · ${entry.stage[t.language]}` : ''}
              </span>
              {entry.note ? <span class="note">{entry.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function renderTrackingPage(view: TrackingPageView, page: PageContext): string {
  return renderPage(
    page,
    view.officeName,
    (t) => t.t('tracking-title'),
    (t) => (
      <>
        <h1>{t.t('tracking-title')}</h1>
        <p class="lead">{t.t('tracking-intro')}</p>
        <form class="card" method="post" action={hrefIn('/lacak', page.language)}>
          <p>
            <label for="nomor">{t.t('tracking-number')}</label>
            <input
              id="nomor"
              name="nomor"
              type="text"
              required
              autocomplete="off"
              value={view.registrationNumber}
              aria-describedby="nomor-hint"
            />
            <span id="nomor-hint" class="hint">
              {t.t('tracking-number-hint')}
            </span>
          </p>
          <p>
            <label for="kode">{t.t('tracking-code')}</label>
            <input id="kode" name="kode" type="password" required autocomplete="off" />
          </p>
          <p>
            <button type="submit">{t.t('tracking-submit')}</button>
          </p>
        </form>
        {view.result.kind === 'notFound' ? (
          <p class="notice notice-bad" role="alert">
            {t.t('tracking-not-found')}
          </p>
        ) : null}
        {view.result.kind === 'found' ? <TrackedFile file={view.result.file} t={t} /> : null}
      </>
    ),
  );
}
