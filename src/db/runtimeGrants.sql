-- What the runtime role (DATABASE_URL's user) may do in the app's schema. The migration step
-- applies this after migrating whenever MIGRATION_DATABASE_URL names another user, so tables
-- added by later migrations are covered. A DBA can run it by hand with psql:
--   psql "$MIGRATION_DATABASE_URL" -v schema=public -v runtime_role=perizinan_app -f src/db/runtimeGrants.sql
-- The runtime role owns nothing: only an owner may disable triggers, alter or drop a table.
GRANT USAGE ON SCHEMA :"schema" TO :"runtime_role";
REVOKE ALL ON ALL TABLES IN SCHEMA :"schema" FROM :"runtime_role";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA :"schema" FROM :"runtime_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"runtime_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"schema" TO :"runtime_role";
-- The audit trails (and the record of officers' reads, the levy assessments, the payment
-- receipts and the office's answers to complaints) are append-only for the app: it adds rows and
-- reads them, nothing else (TRUNCATE was never granted).
REVOKE UPDATE, DELETE ON :"schema".audit_events, :"schema".admin_audit, :"schema".officer_file_reads,
  :"schema".levy_assessments, :"schema".levy_documents, :"schema".payment_receipts,
  :"schema".complaint_answers
  FROM :"runtime_role";
-- An issued permit document never changes: its bytes and its row stay; only a revocation is
-- written onto the row (its three revocation columns), and a permit is never deleted.
REVOKE UPDATE, DELETE ON :"schema".permit_document_contents FROM :"runtime_role";
REVOKE UPDATE, DELETE ON :"schema".permit_documents FROM :"runtime_role";
GRANT UPDATE (revoked_at, revocation_reason, revoked_by) ON :"schema".permit_documents TO :"runtime_role";
-- Which migrations ran is the migrator's record; the app only reads it (/readyz).
REVOKE INSERT, UPDATE, DELETE ON :"schema".pgmigrations FROM :"runtime_role";
