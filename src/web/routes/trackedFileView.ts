// A file's status, as the applicant's status call returns it, turned into what /lacak shows:
// the status, stage, deadline, permit number and history. The form data (with the NIK) and the
// documents are left out, and a NIK written into an officer's note is masked.

import { maskNikInText } from '../../domain/access/personalDataMasking.js';
import type { LocalizedText, PermitType } from '../../domain/catalog/catalogSchema.js';
import { FILE_STATUSES, type FileStatus } from '../../domain/stages/fileState.js';
import type { FileStatusView } from '../../services/fileQueryService.js';
import type { TrackedFileView } from '../views/viewModels.js';

const asFileStatus = (status: string): FileStatus =>
  (FILE_STATUSES as readonly string[]).includes(status) ? (status as FileStatus) : 'IN_REVIEW';

export function trackedFileView(
  permitType: (code: string) => PermitType | undefined,
  file: FileStatusView,
): TrackedFileView {
  const type = permitType(file.permitTypeCode);
  const stage = file.stageKey ? type?.stages.find((s) => s.key === file.stageKey) : undefined;
  // A permit type the catalog no longer offers still shows, by its code.
  const typeName: LocalizedText = type?.name ?? { id: file.permitTypeCode, en: file.permitTypeCode };
  return {
    registrationNumber: file.registrationNumber,
    permitType: typeName,
    status: asFileStatus(file.status),
    submittedAt: new Date(file.submittedAt),
    currentStage: stage?.name ?? null,
    deadline: file.deadline ? new Date(file.deadline) : null,
    permitNumber: file.permitNumber,
    history: file.history.map((item) => ({
      at: new Date(item.at),
      action: item.action,
      stage: null,
      note: item.reason ? maskNikInText(item.reason) : null,
    })),
  };
}
