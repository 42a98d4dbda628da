// The object of a permit as printed on it: the form fields its permit type lists in
// `permitObject`, each with its label and its value written for a reader (the option's label
// rather than its code, "12,5 m²", "1 Desember 2026"). Optional fields left empty are omitted.
// Pure module.

import { formatLongIsoDate } from '../calendar/longDate.js';
import type { FieldDef, PermitType } from '../catalog/catalogSchema.js';
import type { FormValues } from '../catalog/formValidation.js';
import { formatDecimal, type Language } from '../fees/rupiah.js';

export interface PrintedLine {
  label: string;
  value: string;
}

function printedValue(field: FieldDef, raw: string | number, language: Language): string {
  switch (field.type) {
    case 'select':
      return field.options?.find((option) => option.value === String(raw))?.label[language] ?? String(raw);
    case 'area_m2':
      return `${formatDecimal(Number(raw), language)} m²`;
    case 'number':
      return formatDecimal(Number(raw), language);
    case 'date':
      return formatLongIsoDate(String(raw), language);
    default:
      return String(raw);
  }
}

export function permitObjectLines(
  permitType: Pick<PermitType, 'fields' | 'permitObject'>,
  values: FormValues,
  language: Language,
): PrintedLine[] {
  return permitType.permitObject.flatMap((key) => {
    const field = permitType.fields.find((candidate) => candidate.key === key);
    const raw = values[key];
    if (!field || raw === undefined || raw === '') return [];
    return [{ label: field.label[language], value: printedValue(field, raw, language) }];
  });
}
