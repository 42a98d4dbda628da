import type { ButtonSpec } from './callbackTokens.js';
import type { Translate } from './i18n.js';

/** The decision buttons under a file in an officer's inbox or notice. */
export function officerFileButtons(t: Translate, registrationNumber: string): ButtonSpec[][] {
  return [
    [
      { text: t('button-approve'), action: { kind: 'officer.approve', registrationNumber } },
      { text: t('button-revise'), action: { kind: 'officer.revise', registrationNumber } },
    ],
    [
      { text: t('button-reject'), action: { kind: 'officer.reject', registrationNumber } },
      { text: t('button-documents'), action: { kind: 'officer.documents', registrationNumber } },
    ],
  ];
}
