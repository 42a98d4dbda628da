// `/`: the office's permit types, each with its published service standard.

import { formatRupiah } from '../../domain/fees/rupiah.js';
import { formatValidityPeriod } from '../../domain/permits/validity.js';
import type { WebTexts } from '../webLocale.js';
import { renderPage } from './layout.js';
import type {
  FeeView,
  HomePageView,
  PageContext,
  ProcedureStepView,
  RequirementView,
  ServiceStandardView,
} from './viewModels.js';

function feeText(fee: FeeView, t: WebTexts): string {
  const money = (amount: number) => formatRupiah(amount, t.language);
  switch (fee.kind) {
    case 'free':
      return t.t('fee-free');
    case 'fixed':
      return t.t('fee-fixed', { amount: money(fee.amount) });
    case 'per_m2':
      return t.t('fee-per-m2', {
        rate: money(fee.ratePerM2),
        field: fee.areaLabel[t.language],
        minimum: money(fee.minimum),
      });
    case 'per_m2_duration':
      return t.t('fee-per-m2-duration', {
        rate: money(fee.rate),
        unit: t.t(`fee-unit-${fee.unit}`),
        minimum: money(fee.minimum),
      });
  }
}

function roleName(role: string, t: WebTexts): string {
  return t.has(`role-${role}`) ? t.t(`role-${role}`) : role.replaceAll('_', ' ');
}

function actorText(step: ProcedureStepView, t: WebTexts): string {
  if (step.actor.kind === 'applicant') return t.t('actor-applicant');
  return t.t('actor-role', { role: roleName(step.actor.role, t), department: step.actor.department });
}

function timeText(step: ProcedureStepView, t: WebTexts): string {
  const time = step.time;
  if (time.kind === 'workingDays') return t.t('working-days', { days: time.days });
  if (time.kind === 'applicantCalendarDays') return t.t('calendar-days-payment', { days: time.days });
  return t.t('duration-time', { duration: time.iso });
}

function Requirements({ items, t }: { items: RequirementView[]; t: WebTexts }) {
  return (
    <ul>
      {items.map((item) => (
        <li>
          {item.label[t.language]}{' '}
          <span class="tag">({t.t(item.required ? 'standard-required' : 'standard-optional')})</span>
        </li>
      ))}
    </ul>
  );
}

function ServiceStandard({ service, t }: { service: ServiceStandardView; t: WebTexts }) {
  const headingId = `layanan-${service.code.toLowerCase()}`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {service.name[t.language]} <span class="code">{service.code}</span>
      </h2>
      {service.description ? <p>{service.description[t.language]}</p> : null}
      <h3>{t.t('standard-requirements')}</h3>
      <h4>{t.t('standard-fields')}</h4>
      <Requirements items={service.fields} t={t} />
      <h4>{t.t('standard-documents')}</h4>
      <Requirements items={service.documents} t={t} />
      <h3>{t.t('standard-procedure')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.t('standard-stage')}</th>
            <th scope="col">{t.t('standard-actor')}</th>
            <th scope="col">{t.t('standard-time')}</th>
          </tr>
        </thead>
        <tbody>
          {service.procedure.map((step) => (
            <tr>
              <td>{step.name[t.language]}</td>
              <td>{actorText(step, t)}</td>
              <td>{timeText(step, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {service.totalWorkingDays !== null ? (
        <p class="total">
          <strong>{t.t('standard-total', { days: service.totalWorkingDays })}</strong>{' '}
          {t.t('standard-total-note')}
        </p>
      ) : null}
      {service.deemedApproval ? <p>{t.t('standard-deemed')}</p> : null}
      <dl>
        <dt>{t.t('standard-fee')}</dt>
        <dd>{feeText(service.fee, t)}</dd>
        <dt>{t.t('standard-product')}</dt>
        <dd>{t.t('standard-product-text')}</dd>
        <dt>{t.t('standard-validity')}</dt>
        <dd>{formatValidityPeriod(service.validity, t.language)}</dd>
      </dl>
      <h3>{t.t('standard-legal-basis')}</h3>
      <ol>
        {service.legalBasis.map((regulation) => (
          <li>{regulation}</li>
        ))}
      </ol>
    </section>
  );
}

export function renderHomePage(view: HomePageView, page: PageContext): string {
  return renderPage(
    page,
    view.office.shortName,
    (t) => t.t('home-title'),
    (t) => (
      <>
        <h1>{t.t('home-title')}</h1>
        <p class="lead">{t.t('home-intro')}</p>
        <section class="card" aria-labelledby="cara-mengajukan">
          <h2 id="cara-mengajukan">{t.t('how-to-apply')}</h2>
          {view.botUrl ? (
            <p>
              {t.t('apply-bot')} <a href={view.botUrl}>{view.botUrl}</a>
            </p>
          ) : (
            <p>{t.t('apply-bot-missing')}</p>
          )}
          <p>
            {t.t('apply-counter')} {view.office.serviceDesk[t.language]}
          </p>
          <h2>{t.t('how-to-complain')}</h2>
          <p>{view.office.complaints[t.language]}</p>
        </section>
        <nav aria-label={t.t('home-types-label')}>
          <ul class="type-list">
            {view.services.map((service) => (
              <li>
                <a href={`#layanan-${service.code.toLowerCase()}`}>{service.name[t.language]}</a>
              </li>
            ))}
          </ul>
        </nav>
        {view.services.map((service) => (
          <ServiceStandard service={service} t={t} />
        ))}
      </>
    ),
  );
}
