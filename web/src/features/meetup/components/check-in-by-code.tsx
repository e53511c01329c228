import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './meetup.css';

import { LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCheckIn } from '../api/meetups';

/** Where the host's QR code leads: checks in with the code it carries, once. */
export function CheckInByCode({ meetupId, code }: { meetupId: string; code: string }) {
  const { t, i18n } = useTranslation('meetup');
  const checkIn = useCheckIn(meetupId);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || code === '') return;
    sent.current = true;
    checkIn.mutate({ code });
  }, [checkIn, code]);
  return (
    <section className="card meetup-attendance">
      {checkIn.isPending && <LoadingState message={t('attendance.checkingIn')} />}
      {checkIn.isSuccess && <p role="status">{t('attendance.done')}</p>}
      {(checkIn.isError || code === '') && (
        <p role="alert">{code === '' ? t('attendance.noCode') : translateProblem(i18n, checkIn.error)}</p>
      )}
      <Link to={`/meetups/${meetupId}`} className="button button--secondary">
        <span>{t('attendance.back')}</span>
      </Link>
    </section>
  );
}
