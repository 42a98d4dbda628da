import type { Queryable } from '../db/pool.js';

// Officers' reads of a file's personal data (officer_file_reads, append-only): who, when,
// which file, and the role and department that let them in; never the data read.

export interface OfficerFileRead {
  registrationNumber: string;
  officerId: string;
  role: string;
  department: string;
}

/** How the applicant sees the reads of their file: by role and department, without names. */
export interface OpenedBy {
  role: string;
  department: string;
  times: number;
  lastAt: string;
}

export async function recordOfficerFileRead(db: Queryable, read: OfficerFileRead): Promise<void> {
  await db.query(
    'INSERT INTO officer_file_reads (registration_number, officer_id, role, department) VALUES ($1, $2, $3, $4)',
    [read.registrationNumber, read.officerId, read.role, read.department],
  );
}

/** The file's officer reads per role and department, in the order they first opened it. */
export async function officerReadsOfFile(db: Queryable, registrationNumber: string): Promise<OpenedBy[]> {
  const { rows } = await db.query<{ role: string; department: string; times: number; last_at: Date }>(
    `SELECT role, department, count(*)::int AS times, max(read_at) AS last_at FROM officer_file_reads
     WHERE registration_number = $1 GROUP BY role, department ORDER BY min(read_at), role, department`,
    [registrationNumber],
  );
  return rows.map((r) => ({
    role: r.role,
    department: r.department,
    times: r.times,
    lastAt: r.last_at.toISOString(),
  }));
}
