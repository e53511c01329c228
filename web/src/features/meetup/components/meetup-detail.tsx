import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './meetup.css';

import { PinIcon } from '@/components/icons/icons';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCancel, useDecide, useJoin, useLeave, useMeetup } from '../api/meetups';
import { formatTime, formatWhen } from '../utils/format';

import { AfterPanel } from './after-panel';
import { AttendancePanel } from './attendance-panel';
import { MeetupMap } from './meetup-map';
import { Participants } from './participants';

const TAKING_PART = ['joined', 'waitlisted', 'requested'];

/** ``myId``: the signed-in member (the page knows it), left out of whom to rate. */
export function MeetupDetailView({ meetupId, myId }: { meetupId: string; myId: string | null }) {
  const { t, i18n } = useTranslation('meetup');
  const meetup = useMeetup(meetupId);
  const join = useJoin(meetupId);
  const leave = useLeave(meetupId);
  const cancel = useCancel(meetupId);
  const decide = useDecide(meetupId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [shared, setShared] = useState(false);

  if (meetup.isPending) return <LoadingState />;
  if (meetup.isError) {
    return <ErrorState title={t('detail.error')} message={translateProblem(i18n, meetup.error)} onRetry={() => void meetup.refetch()} />;
  }
  const data = meetup.data;
  const isHost = data.my_status === 'host';
  const taking = TAKING_PART.includes(data.my_status);
  const open = data.status === 'open';
  const problem = [join, leave, cancel, decide].find((m) => m.isError)?.error;
  const joinedNow = join.data?.status;

  async function share() {
    const url = `${window.location.origin}${data.share_path}`;
    if (typeof navigator.share === 'function') {
      await navigator.share({ title: data.title, url }).catch(() => undefined);
    } else {
      await navigator.clipboard.writeText(url).catch(() => undefined);
    }
    setShared(true);
  }

  return (
    <div className="meetup-detail">
      <section className="card meetup-detail__info">
        <h1>{data.title}</h1>
        <p className="meetup-detail__when">
          {formatWhen(data.starts_at, i18n.language)} – {formatTime(data.ends_at, i18n.language)}
        </p>
        <p className="meetup-detail__place">
          <PinIcon size={16} className="meetup-inline-icon" /> {data.place_name} · {data.region_name}
        </p>
        <p className="meetup-card__badges">
          <Badge tone={data.free_places > 0 ? 'positive' : 'neutral'}>
            {t('card.places', { taken: data.taken, capacity: data.capacity })}
          </Badge>
          {data.waitlisted > 0 && <Badge>{t('detail.waiting', { count: data.waitlisted })}</Badge>}
          {data.quiet && <Badge tone="warning">{t('card.quiet')}</Badge>}
          {data.approval_required && <Badge>{t('card.approval')}</Badge>}
          <Badge>{data.dog_sizes.map((size) => t(`size.${size}`)).join('·')}</Badge>
          {!open && <Badge tone="danger">{t('card.cancelled')}</Badge>}
          <Badge tone="positive">{t(`phase.${data.phase}`)}</Badge>
        </p>
        {data.body !== '' && <p className="meetup-detail__body">{data.body}</p>}
        <p className="meetup-detail__host">{t('detail.host', { name: data.host_nickname })}</p>
        <FormAlert message={problem === undefined ? null : translateProblem(i18n, problem)} />
        {joinedNow !== undefined && (
          <p role="status" className="meetup-detail__joined">
            {joinedNow === 'waitlisted'
              ? t('detail.joinedWaitlist', { position: join.data?.position ?? 0 })
              : t(`detail.joined.${joinedNow}`)}
          </p>
        )}
        <div className="meetup-detail__actions">
          {open && data.phase !== 'after' && !isHost && !taking && (
            <Button onClick={() => join.mutate()} isLoading={join.isPending}>
              {data.approval_required ? t('detail.request') : data.free_places > 0 ? t('detail.join') : t('detail.joinWaitlist')}
            </Button>
          )}
          {open && data.phase !== 'after' && taking && (
            <Button variant="secondary" onClick={() => leave.mutate()} isLoading={leave.isPending}>
              {t('detail.leave')}
            </Button>
          )}
          {open && isHost && data.phase !== 'after' && (
            <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
              {t('detail.cancel')}
            </Button>
          )}
          <Button variant="ghost" onClick={() => void share()}>
            {shared ? t('detail.shared') : t('detail.share')}
          </Button>
        </div>
      </section>
      <MeetupMap
        points={[{ id: data.id, latitude: data.latitude, longitude: data.longitude, label: data.place_name }]}
        highlightSgg={data.region_code.slice(0, 5)}
        label={t('map.placeLabel')}
      />
      <Participants
        participants={data.participants}
        capacity={data.capacity}
        taken={data.taken}
        isHost={isHost}
        onDecide={(memberId, approve) => decide.mutate({ memberId, approve })}
      />
      {open && data.phase === 'during' && (isHost || data.my_status === 'joined') && (
        <AttendancePanel meetup={data} isHost={isHost} />
      )}
      {open && data.phase === 'before' && isHost && <AttendancePanel meetup={data} isHost />}
      {open && data.phase === 'after' && (isHost || data.my_status === 'joined') && (
        <AfterPanel meetup={data} myId={myId} />
      )}
      <ConfirmDialog
        open={confirmCancel}
        title={t('detail.cancelTitle')}
        message={t('detail.cancelBody')}
        confirmLabel={t('detail.cancel')}
        onConfirm={() => {
          setConfirmCancel(false);
          cancel.mutate();
        }}
        onCancel={() => setConfirmCancel(false)}
      />
    </div>
  );
}
