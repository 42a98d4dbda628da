// Complaints (pengaduan) on /statistik: per month and category how many came in and were
// answered, the share answered before the first deadline and the median time to the first
// answer. Counts only: no text, no ticket, no complainant.

import { formatShortMonth } from '../../domain/calendar/longDate.js';
import type { WebTexts } from '../webLocale.js';
import type { ComplaintMonthView } from './viewModels.js';
import { formatFigure, formatShare } from './webFormat.js';

export function ComplaintStatistics({ months, t }: { months: readonly ComplaintMonthView[]; t: WebTexts }) {
  return (
    <section class="card" aria-labelledby="pengaduan">
      <h2 id="pengaduan">{t.t('complaints-title')}</h2>
      <p>{t.t('complaints-intro')}</p>
      {months.length === 0 ? (
        <p>{t.t('statistics-empty')}</p>
      ) : (
        // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
        <section class="table-scroll" tabindex={0} aria-labelledby="pengaduan">
          <table>
            <caption>{t.t('complaints-table-caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('statistics-month')}</th>
                <th scope="col">{t.t('complaints-category')}</th>
                <th scope="col">{t.t('complaints-received')}</th>
                <th scope="col">{t.t('complaints-answered')}</th>
                <th scope="col">{t.t('complaints-on-time')}</th>
                <th scope="col">{t.t('complaints-median-hours')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((row) => (
                <tr>
                  <th scope="row">{formatShortMonth(row.month, t.language)}</th>
                  <th scope="row">{t.t(`complaint-category-${row.category}`)}</th>
                  <td>{row.received}</td>
                  <td>{row.answered}</td>
                  <td>{formatShare(row.onTimeShare)}</td>
                  <td>{formatFigure(row.medianResponseHours, t.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
