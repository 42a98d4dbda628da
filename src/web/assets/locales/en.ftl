## Perizinan Online — public web page texts (English).
## Every key must also be in id.ftl (tested).

site-name = Perizinan Online
skip-to-content = Skip to the content
nav-label = Main menu
nav-services = Services
nav-tracking = Track an application
nav-statistics = Statistics
language-switch = Bahasa Indonesia
language-switch-label = Baca halaman ini dalam Bahasa Indonesia
footer-text = Permit services of { $office }. This page works without JavaScript.

## Home: service standards (Permenpan RB 15/2014)
home-title = Permit services
home-intro = The service standard of every permit we handle: requirements, procedure, time, fee, legal basis, how to apply and how to complain.
home-types-label = Permit types
standard-requirements = Requirements
standard-fields = Information to fill in
standard-documents = Documents to upload
standard-required = required
standard-optional = optional
standard-procedure = Procedure and who does it
standard-stage = Stage
standard-actor = Done by
standard-time = Time
standard-total = Completion time: { $days } working days
standard-total-note = Counted from a complete file to the permit, without the time the applicant takes to revise or pay.
standard-fee = Fee
standard-legal-basis = Legal basis
standard-validity = Validity of the permit
standard-deemed = When no decision is made within that time, the application is deemed granted by law (fiktif positif).
standard-product = Service product
standard-product-text = An electronic permit (PDF) with a QR code to verify that it is genuine.
working-days = { $days } working days
calendar-days-payment = at most { $days } calendar days (the applicant's time to pay)
duration-time = { $duration }
fee-free = Free of charge
fee-fixed = { $amount }
fee-per-m2 = { $rate } per m² of { $field }, at least { $minimum }
fee-per-m2-duration = { $rate } per m² per { $unit }, at least { $minimum }
fee-unit-month = month
fee-unit-year = year
actor-applicant = Applicant
actor-role = { $role } ({ $department })
how-to-apply = How to apply
apply-bot = Apply through the Telegram bot:
apply-bot-missing = Apply through our office's official Telegram bot.
apply-counter = Or come to the counter:
how-to-complain = How to complain

## Track an application
tracking-title = Track an application
tracking-intro = Enter the registration number and the access code you received when you applied.
tracking-number = Registration number
tracking-number-hint = For example: REG-2026-000123
tracking-code = Access code
tracking-submit = Show status
tracking-not-found = Nothing found. Check the registration number and the access code.
tracking-result = Application status
tracking-permit-type = Permit type
tracking-status = Status
tracking-submitted-at = Submitted
tracking-stage = Current stage
tracking-deadline = Deadline of this stage
tracking-permit-number = Permit number
tracking-history = History
tracking-history-empty = No history yet.

## File history
event-submitted = Application received
event-stage_approved = Stage approved
event-payment_requested = Levy bill issued
event-issued = Permit issued
event-rejected = Application rejected
event-revision_requested = Revision requested
event-resubmitted = Revised file sent
event-withdrawn = Withdrawn by the applicant
event-paid = Levy paid
event-expired = Application expired
event-deemed_approved = Deemed approved (fiktif positif)
event-revoked = Permit revoked
event-other = Status change

## Statistics
statistics-title = Service statistics
statistics-intro = Service performance per permit type and month. No personal data. Updated { $at }.
statistics-chart-title = Share of files decided on time, last 12 months
statistics-chart-desc = Bar chart: the share of files decided within the service deadline, per month.
statistics-month = Month
statistics-received = Received
statistics-decided = Decided
statistics-on-time = On time
statistics-median = Median working days
statistics-pauses = Pauses per file
statistics-deemed = Deemed approvals
statistics-past-deadline = Past the deadline now: { $count } files
statistics-empty = No data yet.
statistics-table-caption = { $type }: files per month

## Satisfaction survey
survey-title = Community satisfaction survey (SKM)
survey-intro = What applicants said once their file was closed, per permit type and quarter (Permenpan RB 14/2017). Each element is scored 1 to 4; its mean is the NRR. The IKM is 25 × the mean of the element means: A Very good 88.31–100, B Good 76.61–88.30, C Poor 65.00–76.60, D Very poor 25.00–64.99. No answer and no respondent is shown.
survey-floor = So that no figure shows one person's answers, a quarter with fewer than { $minimum } respondents shows only how many there were, and an element scored by fewer than { $minimum } respondents shows no mean and does not count in the IKM.
survey-withheld = Not published: fewer than { $minimum } respondents
survey-table-caption = Satisfaction survey: { $type } ({ $code })
survey-element = Element
survey-respondents = Respondents
survey-ikm = Satisfaction index (IKM)
survey-grade = Service quality
survey-grade-A = Very good
survey-grade-B = Good
survey-grade-C = Poor
survey-grade-D = Very poor
survey-element-u1 = Requirements
survey-element-u2 = Systems, mechanisms and procedures
survey-element-u3 = Completion time
survey-element-u4 = Cost/tariff
survey-element-u5 = Product specification of the service
survey-element-u6 = Competence of staff
survey-element-u7 = Behaviour of staff
survey-element-u8 = Handling of complaints, suggestions and input
survey-element-u9 = Facilities and infrastructure

## Complaints
complaints-title = Complaints
complaints-intro = Complaints received per month and category, how many were answered, the share of the answered ones answered within the deadline, and the median time to the first answer. No complaint text and no complainant is shown.
complaints-table-caption = Complaints per month and category
complaints-category = Category
complaints-received = Received
complaints-answered = Answered
complaints-on-time = Answered on time
complaints-median-hours = Median hours to the answer
complaint-category-delay = Delay
complaint-category-pungli = Illegal levy or request for money
complaint-category-conduct = Officer conduct
complaint-category-decision = Disputed decision
complaint-category-other = Other

## Verification
verify-title = Permit verification
verify-status-VALID = VALID
verify-status-REVOKED = REVOKED
verify-status-EXPIRED = EXPIRED
verify-status-text-VALID = This permit is genuine and in force.
verify-status-text-REVOKED = This permit has been revoked and is no longer in force.
verify-status-text-EXPIRED = This permit's validity has ended.
verify-permit-number = Permit number
verify-permit-type = Permit type
verify-holder = Holder
verify-issued-at = Date of issue
verify-validity = Validity
verify-office = Issued by
verify-revoked-at = Revoked on
verify-revoked-reason = Reason for revocation
verify-sha256 = SHA-256 fingerprint of the genuine document
verify-check-title = Check a copy of the document
verify-check-intro = Upload the PDF you received to check whether it is exactly the genuine document.
verify-file = PDF file
verify-check-submit = Check the document
verify-genuine = GENUINE: this file is exactly the permit document that was issued.
verify-not-genuine = NOT GENUINE: this file differs from the permit document that was issued. Do not rely on its content.
verify-uploaded-sha256 = SHA-256 of the uploaded file


## Disruptions
error-rate-limited-title = Too many requests
error-rate-limited-text = Too many requests or failed attempts came from your address. Wait a few minutes, then try again.
error-unavailable-title = Service disrupted
error-unavailable-text = This page cannot be shown right now. Try again shortly, or contact our service desk.

## Not found
not-found-title = Page not found
not-found-text = This address does not exist or cannot be shown.
not-found-home = Back to the home page

## Officer roles
role-verifikator = Verifier
role-tim_teknis = Technical team
role-kepala = Head of office
role-kepala_kantor = Head of office
