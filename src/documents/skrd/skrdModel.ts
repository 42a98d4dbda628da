// Everything printed on a levy assessment (Surat Ketetapan Retribusi Daerah, SKRD), decided
// before rendering: the amount comes from the catalog's fee formula (never typed by an officer),
// the NIK arrives masked. The same model always renders to the same bytes.

import type { LocalizedText } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import type { PrintedPayer } from '../common/payer.js';

/** The name the SKRD is sent and downloaded under. */
export const skrdFileName = (billingCode: string) => `SKRD-${billingCode}.pdf`;

export interface SkrdDocument {
  office: Pick<
    OfficeProfile,
    'government' | 'name' | 'shortName' | 'address' | 'contact' | 'headTitle' | 'placeOfIssue'
  >;
  /** The SKRD's number, printed under the title. */
  number: string;
  /** The kode bayar: the one reference a payment for this file is accepted under. */
  billingCode: string;
  registrationNumber: string;
  permitType: { code: string; name: LocalizedText };
  payer: PrintedPayer;
  /** How the amount was computed: the fee formula with the file's values (computeFee's breakdown). */
  basis: LocalizedText;
  amount: number;
  /** The regulation the levy rests on (the catalog's fee.legalBasis). */
  legalBasis: string;
  /** The moment of issue: the printed date and the PDF's fixed metadata dates. */
  issuedAt: Date;
  /** The end of the payment stage's response deadline. */
  dueAt: Date;
}
