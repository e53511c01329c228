import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { AlertIcon, ChevronLeftIcon } from '@/components/icons/icons';
import { BlockAction, FriendAction } from '@/features/friends/components/relationship-actions';
import { memberCardQueryKey } from '@/features/member/api/get-member-card';
import { useMyProfile } from '@/features/member/api/get-my-profile';
import { MemberCard } from '@/features/member/components/card/member-card';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

/** /members/:id — any feature opens a member card by linking here. */
export function MemberCardPage() {
  const { t } = useTranslation('member');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const me = useMyProfile();
  useDocumentTitle(t('card.title'));
  const refreshCard = () => queryClient.invalidateQueries({ queryKey: memberCardQueryKey(id) });

  return (
    <div className="page">
      <button type="button" className="back-link back-link--button" onClick={() => void navigate(-1)}>
        <ChevronLeftIcon size={18} />
        {t('common:actions.back')}
      </button>
      <MemberCard
        memberId={id}
        renderActions={(card) =>
          me.data?.id === card.id ? (
            <p className="card-note">{t('card.itsMe')}</p>
          ) : (
            <div className="card-actions">
              {!card.relationship.blocked_by_me && (
                <FriendAction
                  memberId={card.id}
                  nickname={card.nickname}
                  isFriend={card.relationship.is_friend}
                  onChanged={refreshCard}
                />
              )}
              <div className="card-actions__row">
                <Link
                  to={`/reports/new?member=${encodeURIComponent(card.nickname)}`}
                  className="button button--ghost card-actions__report"
                >
                  <AlertIcon size={18} />
                  <span>{t('card.report')}</span>
                </Link>
                <BlockAction
                  memberId={card.id}
                  nickname={card.nickname}
                  blockedByMe={card.relationship.blocked_by_me}
                  onChanged={refreshCard}
                />
              </div>
            </div>
          )
        }
      />
    </div>
  );
}
