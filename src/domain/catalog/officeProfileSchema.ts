// The issuing office as printed on permit decisions and shown on the public pages: letterhead,
// the head's title, the place of issue, where to apply in person and how to complain. Kept in
// its own file beside the permit catalog (data/catalog/office.yaml) and checked the same way.
// Pure module.

import { z } from 'zod';
import { localizedTextSchema, nonBlankText } from './catalogSchema.js';

export const officeProfileSchema = z.strictObject({
  version: z.literal(1),
  office: z.strictObject({
    /** First letterhead line, e.g. "PEMERINTAH KABUPATEN SERANG". */
    government: localizedTextSchema,
    /** The office's full name, second letterhead line. */
    name: localizedTextSchema,
    /** Short name for running text, e.g. "DPMPTSP Kabupaten Serang". */
    shortName: nonBlankText(),
    /** Postal address, one line under the name. */
    address: nonBlankText(),
    /** Telephone, email and website, one line under the address. */
    contact: nonBlankText().optional(),
    /** Title of the official who signs permit decisions. */
    headTitle: localizedTextSchema,
    /** Where decisions are issued: "Ditetapkan di Serang". */
    placeOfIssue: nonBlankText(),
    /** How to apply in person: the counter's place and opening hours. */
    serviceDesk: localizedTextSchema,
    /** How to complain about the service (channels, with the national SP4N-LAPOR! channel). */
    complaints: localizedTextSchema,
  }),
});

export type OfficeProfileFile = z.output<typeof officeProfileSchema>;
export type OfficeProfile = OfficeProfileFile['office'];
