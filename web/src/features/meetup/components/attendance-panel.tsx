import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './meetup.css';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { translateProblem } from '@/lib/i18n';

import { useCheckIn, useCheckInCode, useConfirmAttendance } from '../api/meetups';
import type { MeetupDetail } from '../api/types';

/** A coarse, one-off position: used for this check-in and never kept. */
function currentPosition(): Promise<{ latitude: number; longitude: number }> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (found) => resolve({ latitude: found.coords.latitude, longitude: found.coords.longitude }),
      reject,
      { enableHighAccuracy: false, maximumAge: 60_000, timeout: 15_000 },
    );
  });
}

function HostQr({ meetupId }: { meetupId: string }) {
  const { t } = useTranslation('meetup');
  const code = useCheckInCode(meetupId, true);
  const [image, setImage] = useState<string | null>(null);
  const path = code.data?.path;
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    void toDataURL(`${window.location.origin}${path}`, { margin: 1, width: 220 }).then((url) => {
      if (live) setImage(url);
    });
    return () => {
      live = false;
    };
  }, [path]);
  return (
    <div className="meetup-qr">
      {image !== null && <img src={image} alt={t('attendance.qrAlt')} width={220} height={220} />}
      <p>{t('attendance.qrHint')}</p>
    </div>
  );
}

export function AttendancePanel({ meetup, isHost }: { meetup: MeetupDetail; isHost: boolean }) {
  const { t, i18n } = useTranslation('meetup');
  const checkIn = useCheckIn(meetup.id);
  const confirm = useConfirmAttendance(meetup.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const joined = meetup.participants.filter((p) => p.role === 'joined' || p.role === 'host');
  const [there, setThere] = useState<string[] | null>(null);
  const chosen = there ?? joined.filter((p) => p.confirmed === true || p.checked_in === true).map((p) => p.member_id);

  async function byPosition() {
    setProblem(null);
    setLocating(true);
    try {
      const position = await currentPosition();
      await checkIn.mutateAsync(position);
    } catch (error) {
      setProblem(error instanceof Error && !('code' in error && typeof error.code === 'string') ? t('attendance.noPosition') : translateProblem(i18n, error));
    } finally {
      setLocating(false);
    }
  }

  return (
    <section className="meetup-attendance card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendance.title')}</h2>
      <FormAlert message={problem ?? (confirm.isError ? translateProblem(i18n, confirm.error) : null)} />
      {meetup.attended ? (
        <p className="meetup-attendance__done" role="status">
          {t('attendance.done')}
        </p>
      ) : (
        <>
          <Button onClick={() => void byPosition()} isLoading={locating || checkIn.isPending} block>
            {t('attendance.byPosition')}
          </Button>
          <p className="meetup-form__hint">{t('attendance.positionNote')}</p>
          {!isHost && <p className="meetup-form__hint">{t('attendance.scanHint')}</p>}
        </>
      )}
      {isHost && (
        <>
          <HostQr meetupId={meetup.id} />
          <fieldset className="meetup-attendance__list">
            <legend>{t('attendance.confirmTitle')}</legend>
            {joined
              .filter((p) => p.role !== 'host')
              .map((person) => (
                <label key={person.member_id}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(person.member_id)}
                    onChange={(event) =>
                      setThere(
                        event.target.checked
                          ? [...chosen, person.member_id]
                          : chosen.filter((id) => id !== person.member_id),
                      )
                    }
                  />
                  {person.nickname}
                  {person.checked_in === true && ` · ${t('detail.checkedIn')}`}
                </label>
              ))}
          </fieldset>
          <Button variant="secondary" onClick={() => confirm.mutate(chosen)} isLoading={confirm.isPending} block>
            {t('attendance.confirm')}
          </Button>
          {confirm.isSuccess && <p role="status">{t('attendance.confirmed')}</p>}
        </>
      )}
    </section>
  );
}
