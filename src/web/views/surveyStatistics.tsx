// The satisfaction survey (SKM, Permenpan RB 14/2017) on /statistik: per permit type one table
// whose columns are quarters and whose rows are the respondents, the nine element means (NRR),
// the IKM and its grade. Figures only: no answer, comment or respondent appears.

import { SURVEY_ELEMENTS } from '../../domain/survey/surveyElements.js';
import type { WebTexts } from '../webLocale.js';
import type { PermitTypeSurveyView, SurveyQuarterView, SurveySectionView } from './viewModels.js';
import { formatFixed, formatQuarter } from './webFormat.js';

function gradeText(quarter: SurveyQuarterView, t: WebTexts): string {
  return quarter.grade ? `${quarter.grade} (${t.t(`survey-grade-${quarter.grade}`)})` : '–';
}

interface SurveyTableProps {
  type: PermitTypeSurveyView;
  minimumRespondents: number;
  t: WebTexts;
}

function PermitTypeSurveyTable({ type, minimumRespondents, t }: SurveyTableProps) {
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
              <td>
                {quarter.withheld
                  ? t.t('survey-withheld', { minimum: minimumRespondents })
                  : formatFixed(quarter.ikm, 2, language)}
              </td>
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

export function SurveyStatistics({ survey, t }: { survey: SurveySectionView | null; t: WebTexts }) {
  return (
    <section class="card" aria-labelledby="survei">
      <h2 id="survei">{t.t('survey-title')}</h2>
      <p>{t.t('survey-intro')}</p>
      {survey === null ? (
        <p>{t.t('statistics-empty')}</p>
      ) : (
        <>
          <p>{t.t('survey-floor', { minimum: survey.minimumRespondents })}</p>
          {survey.permitTypes.map((type) => (
            <PermitTypeSurveyTable type={type} minimumRespondents={survey.minimumRespondents} t={t} />
          ))}
        </>
      )}
    </section>
  );
}
