// The satisfaction survey (SKM, Permenpan RB 14/2017) on /statistik: per permit type one table
// whose columns are quarters and whose rows are the respondents, the nine element means (NRR),
// the IKM and its grade. Figures only: no answer, comment or respondent appears.

import { SURVEY_ELEMENTS } from '../../domain/survey/surveyElements.js';
import type { WebTexts } from '../webLocale.js';
import type { PermitTypeSurveyView, SurveyQuarterView } from './viewModels.js';
import { formatFixed, formatQuarter } from './webFormat.js';

function gradeText(quarter: SurveyQuarterView, t: WebTexts): string {
  return quarter.grade ? `${quarter.grade} (${t.t(`survey-grade-${quarter.grade}`)})` : '–';
}

function PermitTypeSurveyTable({ type, t }: { type: PermitTypeSurveyView; t: WebTexts }) {
  const { language } = t;
  const captionId = `survei-${type.code.toLowerCase()}`;
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    <section class="table-scroll" tabindex={0} aria-labelledby={captionId}>
      <table>
        <caption id={captionId}>
          {t.t('survey-table-caption', { type: type.name[language], code: type.code })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.t('survey-element')}</th>
            {type.quarters.map((quarter) => (
              <th scope="col">{formatQuarter(quarter.quarter, language)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.t('survey-respondents')}</th>
            {type.quarters.map((quarter) => (
              <td>{quarter.respondents}</td>
            ))}
          </tr>
          {SURVEY_ELEMENTS.map((element) => (
            <tr>
              <th scope="row">
                {element.toUpperCase()} {t.t(`survey-element-${element}`)}
              </th>
              {type.quarters.map((quarter) => (
                <td>{formatFixed(quarter.elementMeans[element], 3, language)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t.t('survey-ikm')}</th>
            {type.quarters.map((quarter) => (
              <td>{formatFixed(quarter.ikm, 2, language)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t.t('survey-grade')}</th>
            {type.quarters.map((quarter) => (
              <td>{gradeText(quarter, t)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

export function SurveyStatistics({ types, t }: { types: readonly PermitTypeSurveyView[]; t: WebTexts }) {
  return (
    <section class="card" aria-labelledby="survei">
      <h2 id="survei">{t.t('survey-title')}</h2>
      <p>{t.t('survey-intro')}</p>
      {types.length === 0 ? (
        <p>{t.t('statistics-empty')}</p>
      ) : (
        types.map((type) => <PermitTypeSurveyTable type={type} t={t} />)
      )}
    </section>
  );
}
