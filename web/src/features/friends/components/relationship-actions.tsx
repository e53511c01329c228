import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { BlockIcon, CheckIcon, PlusIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { translateProblem } from '@/lib/i18n';

import { useBlockMember, useUnblockMember } from '../api/blocks';
import { useAddFriend, useRemoveFriend } from '../api/friends';

import './relationship-actions.css';

interface RelationshipProps {
  memberId: string;
  nickname: string;
  isFriend: boolean;
  /** Refreshes the card after a change. */
  onChanged: () => unknown;
}

/** 친구 추가 / 친구 삭제 on a member card. */
export function FriendAction({ memberId, nickname, isFriend, onChanged }: RelationshipProps) {
  const { t, i18n } = useTranslation('friends');
  const add = useAddFriend({ onChanged });
  const remove = useRemoveFriend({ onChanged });
  const [confirming, setConfirming] = useState(false);
  const failed = add.error ?? (confirming ? null : remove.error);

  return (
    <div className="relationship-action">
      <FormAlert message={failed === null ? null : translateProblem(i18n, failed)} />
      {isFriend ? (
        <Button
          variant="secondary"
          block
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          <CheckIcon size={18} /> {t('card.removeFriend')}
        </Button>
      ) : (
        <Button
          block
          isLoading={add.isPending}
          onClick={() => {
            add.mutate(memberId);
          }}
        >
          <PlusIcon size={18} /> {t('card.addFriend')}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('friends.removeTitle')}
        message={t('friends.removeBody', { nickname })}
        confirmLabel={t('friends.remove')}
        tone="danger"
        isPending={remove.isPending}
        error={remove.isError ? translateProblem(i18n, remove.error) : null}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          add.reset();
          remove.mutate(memberId, {
            onSuccess: () => {
              setConfirming(false);
            },
          });
        }}
      />
    </div>
  );
}

interface BlockActionProps extends Omit<RelationshipProps, 'isFriend'> {
  blockedByMe: boolean;
}

/** 차단 / 차단 해제, each behind a confirmation. */
export function BlockAction({ memberId, nickname, blockedByMe, onChanged }: BlockActionProps) {
  const { t, i18n } = useTranslation('friends');
  const block = useBlockMember({ onChanged });
  const unblock = useUnblockMember({ onChanged });
  const [confirming, setConfirming] = useState(false);
  const action = blockedByMe ? unblock : block;

  return (
    <>
      <Button
        variant="ghost"
        className="relationship-action__block"
        onClick={() => {
          action.reset();
          setConfirming(true);
        }}
      >
        <BlockIcon size={18} /> {blockedByMe ? t('card.unblock') : t('card.block')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={blockedByMe ? t('card.unblockTitle', { nickname }) : t('card.blockTitle', { nickname })}
        message={blockedByMe ? t('card.unblockBody') : t('card.blockBody')}
        confirmLabel={blockedByMe ? t('card.unblock') : t('card.block')}
        tone={blockedByMe ? 'default' : 'danger'}
        isPending={action.isPending}
        error={action.isError ? translateProblem(i18n, action.error) : null}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          action.mutate(memberId, {
            onSuccess: () => {
              setConfirming(false);
            },
          });
        }}
      />
    </>
  );
}
