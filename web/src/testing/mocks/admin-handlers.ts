import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireAccount } from './auth-helpers';
import { db, nextId } from './db';
import { problem } from './handlers';

type AdminAccount = Schemas['AdminAccountRead'];
type AuditEntry = Schemas['AuditEntryRead'];
type Action = AuditEntry['action'];

/** Bans and the audit log behind the admin API; reset after every test. */
export const adminState = {
  bannedAt: new Map<string, string>(),
  audit: [] as AuditEntry[],
};

export function resetAdmin(): void {
  adminState.bannedAt.clear();
  adminState.audit = [];
}

const GRANTABLE = new Set(['moderator', 'admin']);

export function adminView(id: string): AdminAccount | undefined {
  const account = db.accounts.get(id);
  if (account === undefined) return undefined;
  const bannedAt = adminState.bannedAt.get(id) ?? null;
  return {
    id,
    email: account.email === '' ? null : account.email,
    nickname: account.nickname,
    status: bannedAt === null ? 'active' : 'banned',
    roles: ['member', ...((db.grantedRoles.get(id) ?? []) as ('moderator' | 'admin')[])],
    created_at: account.created_at,
    banned_at: bannedAt,
  };
}

/** Like CurrentAdmin: a token of an account holding the admin role. */
function requireAdmin(request: Request): { id: string } | { error: Response } {
  const caller = requireAccount(request);
  if ('error' in caller) return caller;
  if (!(db.grantedRoles.get(caller.id) ?? []).includes('admin')) {
    return { error: problem(403, 'auth.forbidden', { title: 'Not allowed' }) };
  }
  return caller;
}

async function readReason(request: Request): Promise<{ reason: string; role?: unknown } | Response> {
  const body = (await request.json()) as { reason?: unknown; role?: unknown };
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason === '' || reason.length > 500) {
    return problem(422, 'validation.failed', {
      errors: [{ field: 'reason', code: 'validation.too_short', message: 'Reason required' }],
    });
  }
  return { reason, role: body.role };
}

function record(actorId: string, action: Action, targetId: string, reason: string, role: string | null = null): void {
  adminState.audit.unshift({
    id: nextId(),
    action,
    target_account_id: targetId,
    target_nickname: db.accounts.get(targetId)?.nickname ?? null,
    role: role as AuditEntry['role'],
    reason,
    actor_account_id: actorId,
    actor_nickname: db.accounts.get(actorId)?.nickname ?? null,
    actor_label: 'admin',
    created_at: new Date().toISOString(),
  });
}

function page<T>(items: T[], url: URL, keyOf: (item: T) => string): { items: T[]; next_cursor: string | null } {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const cursor = url.searchParams.get('cursor');
  const start = cursor === null ? 0 : items.findIndex((item) => keyOf(item) === cursor) + 1;
  const shown = items.slice(start, start + limit);
  const last = shown[shown.length - 1];
  return { items: shown, next_cursor: start + limit < items.length && last !== undefined ? keyOf(last) : null };
}

export const adminHandlers = [
  http.get('*/api/v1/admin/accounts', ({ request }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const url = new URL(request.url);
    const query = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const found = [...db.accounts.keys()]
      .reverse()
      .map((id) => adminView(id))
      .filter((account): account is AdminAccount => account !== undefined)
      .filter(
        (account) =>
          query === '' ||
          (account.email ?? '').toLowerCase().includes(query) ||
          account.nickname.toLowerCase().includes(query),
      );
    return HttpResponse.json(page(found, url, (account) => account.id));
  }),

  http.post('*/api/v1/admin/accounts/:accountId/:action', async ({ request, params }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const id = String(params.accountId);
    const action = String(params.action);
    const body = await readReason(request);
    if (body instanceof Response) return body;
    if (adminView(id) === undefined) return problem(404, 'identity.account_not_found');
    const roles = db.grantedRoles.get(id) ?? [];
    if (action === 'ban') {
      if (id === admin.id) return problem(409, 'identity.cannot_ban_self');
      if (!adminState.bannedAt.has(id)) {
        adminState.bannedAt.set(id, new Date().toISOString());
        record(admin.id, 'account_banned', id, body.reason);
      }
    } else if (action === 'unban') {
      if (adminState.bannedAt.delete(id)) record(admin.id, 'account_unbanned', id, body.reason);
    } else if (action === 'role-grants' || action === 'role-revocations') {
      const role = String(body.role);
      if (!GRANTABLE.has(role)) return problem(422, 'validation.failed');
      if (action === 'role-grants' && !roles.includes(role)) {
        db.grantedRoles.set(id, [...roles, role]);
        record(admin.id, 'role_granted', id, body.reason, role);
      }
      if (action === 'role-revocations' && roles.includes(role)) {
        if (role === 'admin' && id === admin.id) return problem(409, 'identity.cannot_revoke_own_admin');
        db.grantedRoles.set(
          id,
          roles.filter((held) => held !== role),
        );
        record(admin.id, 'role_revoked', id, body.reason, role);
      }
    } else {
      return problem(404, 'not_found');
    }
    return HttpResponse.json(adminView(id));
  }),

  http.get('*/api/v1/admin/audit-entries', ({ request }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    return HttpResponse.json(page(adminState.audit, new URL(request.url), (entry) => entry.id));
  }),
];
