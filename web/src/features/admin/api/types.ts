import type { Schemas } from '@/lib/api-client';

export type AdminAccount = Schemas['AdminAccountRead'];
export type AdminAccountPage = Schemas['AdminAccountPage'];
export type AuditEntry = Schemas['AuditEntryRead'];
export type AuditEntryPage = Schemas['AuditEntryPage'];
export type GrantableRole = Schemas['RoleChange']['role'];
