import { AuditLog } from '@/features/admin/components/audit-log';

export function AdminAuditPage() {
  return <AuditLog />;
}
