## Perizinan Online — Telegram bot texts (English).
## Plain text, no Markdown. Every key must also be in id.ftl (tested).

## Welcome, privacy, language

welcome =
    Welcome, { $name }! This is the online permit service of DPMPTSP Kabupaten Serang (the regency's one-stop permit office).
    Here you can apply for a permit (/apply), follow your files (/status, /mine) and hear of every change.
    Pilih bahasa / Choose your language:
privacy-notice =
    🔒 Personal data protection notice (Law No. 27 of 2022)
    Controller: DPMPTSP Kabupaten Serang.
    Purpose: to process your permit application and keep you informed of its progress.
    Data collected: your NIK, name, mobile number, form answers, the documents you upload and your Telegram ID.
    Basis: your consent and the performance of public service duties.
    Retention: while the file is processed and for the archive retention period set by regulation. Your NIK is always shown masked.
    Your rights: access, correction, withdrawal of consent and erasure as the law allows, through the DPMPTSP office.
    By pressing "I agree" you consent to this processing for the purpose above.
privacy-already-given = You agreed to this notice on { $at }.
button-consent-accept = ✅ I agree
button-consent-decline = I do not agree
privacy-thanks = Thank you, your consent is recorded. Send /apply to start an application.
privacy-declined = No consent given. Without it we cannot process an application through this bot; you can still apply at the DPMPTSP counter. You may change your mind at any time with /start.
language-name-id = 🇮🇩 Bahasa Indonesia
language-name-en = 🇬🇧 English
language-choose = Pilih bahasa / Choose your language:
language-set = Language set to English. Notifications will also be sent in English.

## Help and command menu

help-citizen =
    Available commands:
    /apply — apply for a permit (guided step by step)
    /status <registration number> [access code] — status of a file
    /mine — your applications
    /withdraw <registration number> — withdraw your application
    /survey <registration number> — fill in the satisfaction survey once the file is closed
    /complaint — file a complaint (illegal levies too, anonymously if you wish)
    /checkcomplaint <ticket number> <ticket code> — follow your complaint: state, deadline, answers
    /language — change the language
    /cancel — stop the conversation in progress
    /start — welcome and privacy notice
help-officer =
    For officers:
    /inbox — files waiting for your decision
    /approve <number> [note] — approve this stage
    /reject <number> <reason> — reject the file
    /revise <number> <note> — ask the applicant for a revision
help-manager =
    For managers:
    /sla — files past or near their deadline in your departments
command-start = Start and privacy notice
command-apply = Apply for a permit
command-status = Check the status of a file
command-mine = My applications
command-withdraw = Withdraw an application
command-survey = Fill in the satisfaction survey
command-complaint = File a complaint
command-complaintStatus = Follow a complaint by its ticket number and code
command-language = Change the language
command-help = Help
command-cancel = Stop the conversation
command-inbox = Files waiting for my decision
command-approve = Approve a file
command-reject = Reject a file
command-revise = Ask for a revision
command-sla = Late and at-risk files
command-complaints = Complaints waiting for an answer

## General

cancelled = Cancelled. Nothing was sent. Send /help to see the commands.
nothing-to-cancel = There is no conversation in progress.
conversation-busy = A conversation is still open. Finish it first, or send /cancel to stop it.
error-generic = Sorry, something went wrong. Please try again in a moment.
unknown-command = The command /{ $command } is unknown. Send /help to see the available commands.
not-understood = Sorry, I did not understand that message. Send /help to see the available commands.
button-stale = This button has expired or is not for you. Please run the command again.
button-inactive = This button is no longer active. Please run the command again.
answer-too-long = That answer is too long: at most { $max } characters.
registration-number-invalid = That is not a registration number. It looks like PBG-2026-000042.
file-not-found = No file with that number was found for your account. Check the number, or add the access code: /status <number> <access code>.
deadline-none = not set yet
label-optional = (optional)
list-more = … and { $count } more.
button-skip = Skip

## Applying

apply-consent-first = Before applying, please read and accept the privacy notice below.
apply-choose-type = Choose the permit you want to apply for:
apply-use-buttons = Please choose with the buttons above, or send /cancel to stop.
apply-type-gone = That permit type is no longer available. Send /apply to choose again.
apply-type-chosen =
    You chose: { $permitType }.
    I will ask { $fields } questions, then for these documents:
    { $documents }
form-field-prompt = ({ $index }/{ $total }) { $label }:
form-field-choose = Choose one of the buttons, or type the choice.
form-field-optional = This answer is optional; press "Skip" if you have none.
form-cancel-hint = (Send /cancel to stop.)
form-field-text-expected = Please answer with text.
form-try-again = Please send it again.
form-document-prompt = Document { $index }/{ $total }: { $label }. Send it as a photo or a file ({ $types }, at most { $maxSize }).
form-document-optional = This document is optional; press "Skip" if you have none.
form-document-expected = Please send the { $label } as a photo or a file ({ $types }).
form-document-download-failed = The file could not be fetched from Telegram just now.
form-document-received = ✅ { $label } received.
apply-summary-title = Please check your { $permitType } application:
apply-summary-documents = Documents ({ $count }):
apply-summary-fee = Fee: { $fee }
apply-summary-fee-later = The fee is computed when the application is received.
apply-summary-confirm = If everything is right, press "Submit application".
button-submit = 📨 Submit application
button-cancel-application = Cancel
apply-submitted =
    ✅ Application submitted.
    Registration number: { $registrationNumber }
    Access code: { $accessCode }
    Keep this access code: it is shown only once, and you need it to see the status without this Telegram account. Do not give it to anyone.
    You will be told of every change. Check the status: /status { $registrationNumber }
apply-submitted-again = This application was already submitted with number { $registrationNumber }. The access code is shown only the first time.
apply-start-again = Send /apply to start again.
apply-submit-failed-retry = The application could not be sent because of a disruption. Press "Submit application" again in a moment; it will not be submitted twice.

## Status and lists

status-usage = Send /status <registration number>, e.g. /status PBG-2026-000042. Without the Telegram account that applied, add the access code: /status <number> <access code>.
status-card =
    📄 { $registrationNumber } — { $permitType }
    Status: { $status }
    Stage: { $stage }
    Deadline: { $deadline }
status-paused = ⏸ The service clock is paused while the file waits for the applicant.
status-permit-number = Permit decision number: { $permitNumber }
status-fee = Levy: { $amount }
status-history-title = Latest events:
status-opened-by-title = Opened by officers:
status-opened-by = • { $role } { $department }: { $times }× (last { $lastAt })
status-submitted = received
status-in-review = in review
status-awaiting-revision = awaiting revision by the applicant
status-awaiting-payment = awaiting payment of the levy
status-issued = permit issued
status-rejected = rejected
status-withdrawn = withdrawn by the applicant
status-expired = closed for lack of response
status-deemed-approved = deemed approved
action-submitted = application received
action-stage-approved = stage approved
action-payment-requested = levy assessment issued
action-paid = levy paid
action-issued = permit issued
action-rejected = application rejected
action-revision-requested = revision requested
action-resubmitted = revision sent
action-withdrawn = application withdrawn
action-expired = file expired
action-deemed-approved = deemed approved
action-revoked = permit revoked
action-sla-reminder = deadline reminder to the officer
action-sla-breached = deadline passed, escalated to the managers
action-sla-second-level = second-level escalation
mine-none = You have no applications from this account yet. Send /apply to apply.
mine-title = Your applications:
mine-item =
    📄 { $registrationNumber } — { $permitType }
    Status: { $status }; deadline: { $deadline }
mine-hint = Details of a file: /status <registration number>

## Withdrawal

withdraw-usage = Send /withdraw <registration number> to withdraw your application.
withdraw-already-closed = The file { $registrationNumber } is closed; it can no longer be withdrawn.
withdraw-confirm = Withdraw application { $registrationNumber }? The file will be closed and not processed further.
button-withdraw-confirm = Yes, withdraw it
button-withdraw-keep = No, keep it going
withdraw-done = Application { $registrationNumber } has been withdrawn.
withdraw-kept = Fine, application { $registrationNumber } stays in process.

## Revision by the applicant

button-send-corrections = ✏️ Send corrections
revision-not-awaited = The file { $registrationNumber } is not waiting for a revision.
revision-intro =
    Corrections for file { $registrationNumber }.
    The officer's note: { $note }
revision-menu = Choose what to correct, then press "Send corrections". Changes prepared: { $changes }.
revision-button-field = ✏️ { $label }
revision-button-document = 📎 { $label }
revision-button-send = 📨 Send corrections
revision-use-buttons = Please choose with the buttons, or send /cancel to stop.
revision-nothing-yet = Nothing has been corrected yet. Choose a field or a document first.
revision-sent = ✅ Corrections for { $registrationNumber } sent. The service clock resumes with the time that was left.

## Officers

officer-only = Sorry, this command is for registered officers only. If you are an officer, ask the admin to register your Telegram account.
inbox-empty = No files are waiting for your decision. 👍
inbox-title = Files waiting for your decision: { $count } (nearest deadline first).
inbox-item =
    📄 { $registrationNumber } — { $permitType }
    Stage: { $stage }
    Deadline: { $deadline } ({ $timeLeft })
button-approve = ✅ Approve
button-revise = ✏️ Ask for revision
button-reject = ❌ Reject
button-documents = 📎 Documents
approve-usage = Send /approve <registration number> [note].
reject-usage = Send /reject <registration number> <reason>. A reason is required, so that the applicant knows why.
revise-usage = Send /revise <registration number> <note>. A note is required: say what must be corrected.
officer-ask-revise-note = Write the revision note for { $registrationNumber }: what must the applicant correct or complete? (/cancel to stop)
officer-ask-reject-reason = Write the reason for rejecting { $registrationNumber }. It is sent to the applicant. (/cancel to stop)
officer-note-text-expected = Please write the note as text.
officer-note-empty = The note cannot be empty.
decision-recorded = ✅ Decision recorded. File { $registrationNumber } is now { $status } (stage: { $stage }).
documents-none = The file { $registrationNumber } has no documents.
document-unavailable = { $caption }: no copy of the document is available on this server.
time-none = no deadline
time-under-minute = less than a minute
time-hours-minutes = { $hours } h { $minutes } min
time-left = { $span } left
time-late = { $span } late

## Managers

sla-breached-title = 🚨 Past the deadline ({ $count }):
sla-at-risk-title = ⚠️ Near the deadline ({ $count }):
sla-item = • { $registrationNumber } — { $permitType }, stage { $stage } ({ $role }): { $timeLeft }
sla-none = (none)

## Notifications

notify-submitted =
    📥 Your { $permitType } application was received with number { $registrationNumber }.
    An officer is checking that the file is complete; deadline for this check: { $deadline }.
    You will be told of every change. Check the status: /status { $registrationNumber }
notify-stage-assigned =
    📋 A file for you: { $registrationNumber } ({ $permitType }), stage { $stage }.
    Deadline: { $deadline }.
    Decide with the buttons below, or see /inbox.
notify-stage-approved =
    ✅ File { $registrationNumber } passed the previous stage and is now at the stage { $stage }.
    Deadline of this stage: { $deadline }. Nothing is needed from you now.
notify-payment-requested =
    💳 File { $registrationNumber } meets the technical requirements. Attached is the levy assessment notice (SKRD).
    Levy: { $amount }. Billing code: { $billingCode }. Due: { $deadline }.
    Pay only with this billing code through the official payment channels, exactly the amount on the SKRD. Once the payment is confirmed, the file goes on to signing.
    Nothing else is to be paid: do not pay any person or any other account, and report any request for money.
notify-payment-reminder =
    ⏰ Reminder: the levy of { $amount } for file { $registrationNumber } is not paid yet.
    Billing code: { $billingCode }. Due: { $deadline }; after that the application lapses.
    Pay only with this billing code through the official payment channels. Nothing else is to be paid.
notify-paid =
    💰 The levy for { $registrationNumber } has been received.
    Receipt: { $amount }, billing code { $billingCode }, payment reference { $reference } (the receipt's PDF is attached).
    The file is now at the stage { $stage }; deadline: { $deadline }.
notify-issued =
    🎉 Your permit has been issued. Decision number: { $permitNumber } (file { $registrationNumber }).
    After this message you will receive an invitation to the community satisfaction survey: please take two minutes to fill it in.
notify-rejected =
    ❌ Application { $registrationNumber } was rejected.
    Reason: { $reason }
    You may apply again once the requirements are met (/apply), or object to DPMPTSP.
notify-revision-requested =
    ✏️ An officer asks for corrections to file { $registrationNumber }.
    Note: { $note }
    Send the corrections before { $deadline } with the button below. Meanwhile the service clock is paused; it resumes with the time that was left once your corrections arrive.
notify-resubmitted =
    📨 Your corrections for { $registrationNumber } were received; the service clock resumes.
    Deadline of this stage: { $deadline }.
notify-resubmitted-to-officer =
    📨 The applicant sent corrections for { $registrationNumber } ({ $permitType }).
    Deadline: { $deadline }.
notify-withdrawn = ↩️ Application { $registrationNumber } was withdrawn at your request. The file is closed.
notify-access-code-reissued =
    🔑 A new access code for application { $registrationNumber } was issued at the service front desk; the old code no longer works. If you did not ask for it, contact the DPMPTSP office at once.
notify-expired =
    ⌛ File { $registrationNumber } was closed because the time to respond passed.
    You may apply again with /apply.
notify-deemed-approved =
    ⚖️ Application { $registrationNumber } is deemed approved because no decision was made within the service deadline.
    Decision number: { $permitNumber }.
notify-permit-document-attached =
    📄 The permit decision is attached. Anyone can check that it is genuine and still valid by scanning the QR code on it.
notify-permit-revoked =
    ⛔ Your permit with decision number { $permitNumber } (file { $registrationNumber }) has been revoked.
    Reason: { $reason }
    Its verification page now says REVOKED. To object, contact the DPMPTSP office.
notify-sla-reminder =
    ⏰ Reminder: file { $registrationNumber } ({ $permitType }), stage { $stage }, is due { $deadline }.
notify-sla-breach =
    🚨 Service deadline missed: file { $registrationNumber } ({ $permitType }), stage { $stage }, deadline { $deadline }.
    Please follow up; see /sla.
notify-sla-second-level =
    🚨 Second-level escalation: file { $registrationNumber } ({ $permitType }), stage { $stage }, still undecided since the deadline { $deadline }.
notify-digest-header = 📋 { $count } file notices for you:
notify-digest-stage-assigned = • { $registrationNumber }: new file at stage { $stage }, deadline { $deadline }
notify-digest-resubmitted-to-officer = • { $registrationNumber }: the applicant sent corrections, deadline { $deadline }
notify-digest-sla-reminder = • { $registrationNumber }: ⏰ stage { $stage } is due { $deadline }
notify-digest-sla-breach = • { $registrationNumber }: 🚨 stage { $stage } missed its deadline ({ $deadline })
notify-digest-sla-second-level = • { $registrationNumber }: 🚨 second-level escalation, stage { $stage } undecided since { $deadline }
notify-digest-footer-officer = Decide through /inbox.
notify-digest-footer-manager = Please follow up; see /sla.
notify-generic = ℹ️ There is news about file { $registrationNumber }. Check the status: /status { $registrationNumber }
notify-survey-invitation =
    📝 File { $registrationNumber } is closed. Help us improve the service by filling in the community satisfaction survey: 9 short questions, each of which may be skipped.
    Press the button below or type /survey { $registrationNumber }. Your scores are published only as combined figures without names; comments are read only by the office's managers.
button-survey-start = 📝 Fill in the survey

## Community satisfaction survey (Permenpan RB No. 14/2017)

survey-usage = Give the registration number of a closed file, for example: /survey PBG-2026-000042
survey-already-answered = The survey for file { $registrationNumber } has been answered already. Thank you for your rating.
survey-file-open = The survey for file { $registrationNumber } opens once the file is closed (issued, rejected, withdrawn or expired).
survey-intro =
    📝 Community satisfaction survey — file { $registrationNumber }
    { $total } questions; choose a score from 1 (lowest) to 4 (highest), or Skip. Your answers are kept in this conversation until sent, so you can finish later. Type /cancel to stop without sending.
survey-step =
    ({ $index }/{ $total }) { $element }
    { $question }
survey-use-buttons = Choose one of the score buttons 1–4 on the question above, or Skip.
survey-skipped = skipped
survey-all-skipped = Every question was skipped, so the survey was not sent. You can fill it in again with /survey { $registrationNumber }.
survey-ask-comment = Any suggestion or comment for us? Write it in one message (at most { $max } characters), or press the button below to send without a comment. Comments are read only by the office's managers and never published.
button-survey-no-comment = Send without a comment
survey-comment-expected = Write your comment as a text message, or press "Send without a comment".
survey-thanks = 🙏 Thank you! Your rating for file { $registrationNumber } is recorded ({ $answered } of { $total } elements scored).
survey-element-u1 = Requirements
survey-question-u1 = How well do the service requirements fit the kind of service?
survey-score-u1 = { $score ->
    [1] Not suitable
    [2] Less suitable
    [3] Suitable
   *[4] Very suitable
 }
survey-element-u2 = Systems, mechanisms and procedures
survey-question-u2 = How easy was the service procedure to understand and follow?
survey-score-u2 = { $score ->
    [1] Not easy
    [2] Less easy
    [3] Easy
   *[4] Very easy
 }
survey-element-u3 = Completion time
survey-question-u3 = How fast was the service delivered?
survey-score-u3 = { $score ->
    [1] Not fast
    [2] Less fast
    [3] Fast
   *[4] Very fast
 }
survey-element-u4 = Cost/tariff
survey-question-u4 = How fair was the cost or tariff of the service?
survey-score-u4 = { $score ->
    [1] Very expensive
    [2] Fairly expensive
    [3] Cheap
   *[4] Free
 }
survey-element-u5 = Product specification of the service
survey-question-u5 = How well did the service's product match what the service standard promises?
survey-score-u5 = { $score ->
    [1] Not suitable
    [2] Less suitable
    [3] Suitable
   *[4] Very suitable
 }
survey-element-u6 = Competence of staff
survey-question-u6 = How competent and capable were the staff who served you?
survey-score-u6 = { $score ->
    [1] Not competent
    [2] Less competent
    [3] Competent
   *[4] Very competent
 }
survey-element-u7 = Behaviour of staff
survey-question-u7 = How polite and friendly were the staff who served you?
survey-score-u7 = { $score ->
    [1] Not polite and friendly
    [2] Less polite and friendly
    [3] Polite and friendly
   *[4] Very polite and friendly
 }
survey-element-u8 = Handling of complaints, suggestions and input
survey-question-u8 = How are the service users' complaints handled?
survey-score-u8 = { $score ->
    [1] There is none
    [2] There is one, but it does not work
    [3] It works, but not fully
   *[4] Well managed
 }
survey-element-u9 = Facilities and infrastructure
survey-question-u9 = How good are the service's facilities and infrastructure?
survey-score-u9 = { $score ->
    [1] Poor
    [2] Adequate
    [3] Good
   *[4] Very good
 }

## Complaints

complaint-category-delay = ⏳ Delay
complaint-category-pungli = 💰 Illegal levy / request for money
complaint-category-conduct = 🙍 An officer's conduct
complaint-category-decision = ⚖️ Disputed decision
complaint-category-other = 📝 Other
complaint-ask-category = What would you like to complain about? Choose the category. (Type /cancel to stop.)
complaint-use-buttons = Choose one of the buttons in the message above.
complaint-ask-file = Is this complaint about one of your files? Choose the file, or complain without a file and without your identity.
button-complaint-anonymous = No file (anonymous)
complaint-ask-text = Write your complaint in one message (at most { $max } characters). Only the managers handling it read it.
complaint-text-expected = Write your complaint as a text message.
complaint-filed =
    ✅ Your complaint is recorded under ticket { $ticket }.
    Ticket code: { $ticketCode } (keep it; it is shown only once). The managers' answer will be sent here.
complaint-filed-anonymous =
    ✅ Your complaint is recorded under ticket { $ticket }, without your identity.
    Ticket code: { $ticketCode } (keep it; it is shown only once). An answer cannot be sent to an anonymous complainant: follow it with /checkcomplaint { $ticket } and this ticket code.
complaint-anonymous = no file (anonymous)
complaint-ask-ticket = Type your complaint's ticket number, e.g. ADU-2026-000001. (Type /cancel to stop.)
complaint-ticket-invalid = A ticket number is written ADU-YEAR-NUMBER, e.g. ADU-2026-000001. Check it and type it again.
complaint-ask-ticket-code = Type the ticket code of { $ticket } you received when you complained. The message with the code is deleted from this chat at once.
complaint-ticket-code-expected = Type the ticket code as a text message.
complaint-card =
    🗣️ Complaint { $ticket } · { $category }
    File: { $file }
    Status: { $status }
    Filed: { $filedAt }
    Answer due: { $deadline }
complaint-card-no-answer = No answer from the managers yet.
complaint-card-answer = 💬 Answer of { $at }: { $note }
complaint-state-open = waiting for an answer
complaint-state-answered = answered
complaint-state-reopened = reopened, waiting for an answer
complaint-state-closed = closed
complaints-none = No complaint in your departments is waiting for an answer.
complaints-title = Complaints waiting for an answer: { $count }
complaints-item =
    🗣️ { $ticket } · { $category }
    File: { $file } · answer due { $deadline }{ $escalated ->
        [yes] {" "}· ⚠️ escalated
       *[no] {""}
    }
button-complaint-answer = ✍️ Answer the complaint
complaint-text-for-manager =
    🗣️ Complaint { $ticket } · { $category } · file: { $file }
    { $text }
complaint-ask-answer = Write the answer to complaint { $ticket } in one message (at most { $max } characters). It is sent to the complainant.
complaint-answer-sent = ✅ The answer to complaint { $ticket } is recorded and sent to the complainant.
button-complaint-reopen = 🔁 Not satisfied: reopen
complaint-reopened = 🔁 Complaint { $ticket } is reopened; the managers will answer again within the service deadline.
complaint-reopen-ask-code = To reopen complaint { $ticket }, type its ticket code. The message with the code is deleted from this chat at once.
notify-complaint-filed =
    🗣️ New complaint { $ticket } ({ $category }) for your department. Read and answer it with the button below or /complaints.
notify-complaint-pungli =
    🚨 An illegal levy report { $ticket } came in. It goes straight to you as the second level.
notify-complaint-reminder =
    ⏰ Reminder: complaint { $ticket } ({ $category }) is not answered yet; due { $dueAt }.
notify-complaint-overdue =
    🚨 Escalation: complaint { $ticket } ({ $category }) was not answered by { $dueAt }.
notify-complaint-reopened =
    🔁 The complainant reopened complaint { $ticket } ({ $category }). Please answer again.
notify-complaint-answered =
    💬 The answer to your complaint { $ticket }:
    { $note }
