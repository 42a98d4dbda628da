// The channels on which a file's applicant can be reached: the Telegram account that applied,
// and the contact fields of the form (by their catalog type). A notice that must reach the
// applicant whatever happens (a reissued access code) goes out on each of them.

import type { PermitType } from '../catalog/catalogSchema.js';

export type ApplicantChannel = 'telegram' | 'phone' | 'email';

const CONTACT_FIELD_CHANNELS: Partial<Record<PermitType['fields'][number]['type'], ApplicantChannel>> = {
  phone: 'phone',
  email: 'email',
};

export function applicantChannels(
  permitType: Pick<PermitType, 'fields'>,
  file: { applicantTelegramId: number | null; formData: Record<string, unknown> },
): ApplicantChannel[] {
  const channels = new Set<ApplicantChannel>();
  if (file.applicantTelegramId !== null) channels.add('telegram');
  for (const field of permitType.fields) {
    const channel = CONTACT_FIELD_CHANNELS[field.type];
    const value = file.formData[field.key];
    if (channel && value !== undefined && value !== null && String(value).trim() !== '')
      channels.add(channel);
  }
  return [...channels];
}
