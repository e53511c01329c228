import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useMemberAction, useMembers } from '../api/clubs';
import type { Club, Member } from '../api/types';

/** Members with their roles; requests to approve; the owner-admin manages roles and removals. */
export function MembersTab({ club, meId }: { club: Club; meId: string }) {
  const { t, i18n } = useTranslation('club');
  const isOwner = club.my_role === 'owner';
  const canModerate = isOwner || club.my_role === 'manager';
  const members = useMembers(club.id);
  const pending = useMembers(club.id, true);
  const action = useMemberAction(club.id);
  const [banning, setBanning] = useState<Member | null>(null);

  return (
    <div className="club-members">
      {action.isError && <FormAlert message={translateProblem(i18n, action.error)} />}
      {canModerate && pending.isSuccess && pending.data.items.length > 0 && (
        <section aria-labelledby="club-pending">
          <h3 id="club-pending">{t('manage.pending')}</h3>
          <ul className="club-members__list">
            {pending.data.items.map((member) => (
              <li key={member.member_id} className="club-member card" aria-label={member.nickname}>
                <span>{member.nickname}</span>
                <span className="club-member__actions">
                  <Button onClick={() => action.mutate({ memberId: member.member_id, action: 'approve' })}>{t('manage.approve')}</Button>
                  <Button variant="ghost" onClick={() => action.mutate({ memberId: member.member_id, action: 'decline' })}>
                    {t('manage.decline')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {members.isPending && <LoadingState />}
      {members.isError && <ErrorState message={t('loadError')} onRetry={() => void members.refetch()} />}
      <ul className="club-members__list">
        {members.data?.items.map((member) => (
          <li key={member.member_id} className="club-member card" aria-label={member.nickname}>
            <span>
              {member.nickname} <Badge tone={member.role === 'member' ? 'neutral' : 'positive'}>{t(`roles.${member.role}`)}</Badge>
            </span>
            {isOwner && member.member_id !== meId && member.role !== 'owner' && (
              <span className="club-member__actions">
                <Button
                  variant="ghost"
                  onClick={() =>
                    action.mutate({ memberId: member.member_id, action: member.role === 'manager' ? 'member' : 'manager' })
                  }
                >
                  {member.role === 'manager' ? t('manage.makeMember') : t('manage.makeManager')}
                </Button>
                <Button variant="ghost" onClick={() => action.mutate({ memberId: member.member_id, action: 'remove' })}>
                  {t('manage.remove')}
                </Button>
                <Button variant="secondary" onClick={() => setBanning(member)}>
                  {t('manage.ban')}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={banning !== null}
        title={t('manage.ban')}
        message={t('manage.confirmBan', { name: banning?.nickname ?? '' })}
        confirmLabel={t('manage.ban')}
        tone="danger"
        isPending={action.isPending}
        onCancel={() => setBanning(null)}
        onConfirm={() => {
          if (banning !== null) {
            action.mutate({ memberId: banning.member_id, action: 'ban' }, { onSuccess: () => setBanning(null) });
          }
        }}
      />
    </div>
  );
}
