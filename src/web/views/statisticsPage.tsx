// `/statistik`: service performance per permit type and month, the on-time share of the last
// 12 months as a chart, the satisfaction survey per quarter and the complaints per month.
// Aggregates only: no file, name or number appears.

import { formatShortMonth } from '../../domain/calendar/longDate.js';
import type { WebTexts } from '../webLocale.js';
import { ComplaintStatistics } from './complaintStatistics.js';
import { renderPage } from './layout.js';
import { OnTimeChart } from './onTimeChart.js';
import { SurveyStatistics } from './surveyStatistics.js';
import type { PageContext, PermitTypeStatisticsView, StatisticsPageView } from './viewModels.js';
import { formatDateTime, formatFigure, formatShare } from './webFormat.js';

function PermitTypeTable({ type, t }: { type: PermitTypeStatisticsView; t: WebTexts }) {
  const headingId = `statistik-${type.code.toLowerCase()}`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {type.name[t.language]} <span class="code">{type.code}</span>
      </h2>
      <p>{t.t('statistics-past-deadline', { count: type.pastDeadlineNow })}</p>
      {type.months.length === 0 ? (
        <p>{t.t('statistics-empty')}</p>
      ) : (
        // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
        <section class="table-scroll" tabindex={0} aria-labelledby={headingId}>
          <table>
            <caption>{t.t('statistics-table-caption', { type: type.name[t.language] })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('statistics-month')}</th>
                <th scope="col">{t.t('statistics-received')}</th>
                <th scope="col">{t.t('statistics-decided')}</th>
                <th scope="col">{t.t('statistics-on-time')}</th>
                <th scope="col">{t.t('statistics-median')}</th>
                <th scope="col">{t.t('statistics-pauses')}</th>
                <th scope="col">{t.t('statistics-deemed')}</th>
              </tr>
            </thead>
            <tbody>
              {type.months.map((month) => (
                <tr>
                  <th scope="row">{formatShortMonth(month.month, t.language)}</th>
                  <td>{month.received}</td>
                  <td>{month.decided}</td>
                  <td>{formatShare(month.onTimeShare)}</td>
                  <td>{formatFigure(month.medianWorkingDays, t.language)}</td>
                  <td>{formatFigure(month.pausesPerFile, t.language)}</td>
                  <td>{month.deemedApprovals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

export function renderStatisticsPage(view: StatisticsPageView, page: PageContext): string {
  return renderPage(
    page,
    view.officeName,
    (t) => t.t('statistics-title'),
    (t) => (
      <>
        <h1>{t.t('statistics-title')}</h1>
        <p class="lead">{t.t('statistics-intro', { at: formatDateTime(view.generatedAt, t.language) })}</p>
        <figure class="card">
          <OnTimeChart
            points={view.onTimeLast12Months}
            language={t.language}
            title={t.t('statistics-chart-title')}
            description={t.t('statistics-chart-desc')}
          />
          <figcaption>{t.t('statistics-chart-title')}</figcaption>
        </figure>
        {view.permitTypes.map((type) => (
          <PermitTypeTable type={type} t={t} />
        ))}
        <SurveyStatistics survey={view.survey} t={t} />
        <ComplaintStatistics months={view.complaints} t={t} />
      </>
    ),
  );
}
