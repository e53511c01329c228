import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { LoadingState } from '@/components/ui/states';

import { useHospitalSearch } from '../api/hospitals';
import { NO_FILTERS, type Position } from '../api/types';
import { getDevicePosition, PositionError } from '../utils/position';

import { HospitalList } from './hospital-list';
import './hospital.css';

type Locating = { state: 'locating' } | { state: 'found'; position: Position } | { state: 'failed'; message: string };

/**
 * 응급: hospitals open now, nearest first, each with a big call button. Without a
 * position (denied, unavailable) it still lists the hospitals open now.
 */
export function EmergencyView() {
  const { t } = useTranslation('hospital');
  const [locating, setLocating] = useState<Locating>({ state: 'locating' });

  // Asks the device; the state changes only in its callbacks (also on the first run).
  const ask = useCallback(() => {
    getDevicePosition().then(
      (position) => setLocating({ state: 'found', position }),
      (error: unknown) => {
        const reason = error instanceof PositionError ? error.reason : 'unavailable';
        setLocating({ state: 'failed', message: t(`position.${reason}`) });
      },
    );
  }, [t]);

  useEffect(() => {
    ask();
  }, [ask]);

  function locate() {
    setLocating({ state: 'locating' });
    ask();
  }

  const position = locating.state === 'found' ? locating.position : null;
  const search = useHospitalSearch(
    { ...NO_FILTERS, openNow: true, position },
    { enabled: locating.state !== 'locating' },
  );

  return (
    <div className="hospital-emergency">
      {locating.state === 'locating' && <LoadingState message={t('emergency.locating')} />}
      {locating.state === 'failed' && (
        <div className="hospital-emergency__problem">
          <FormAlert message={locating.message} />
          <Button variant="secondary" onClick={locate}>
            {t('emergency.retry')}
          </Button>
        </div>
      )}
      {locating.state !== 'locating' && (
        <HospitalList
          search={search}
          emphasis="emergency"
          emptyTitle={t('emergency.emptyTitle')}
          emptyBody={t('emergency.emptyBody')}
        />
      )}
      {position !== null && <p className="hospital-finder__privacy">{t('position.privacy')}</p>}
      <Link to="/hospitals" className="hospital-emergency__all">
        {t('emergency.allHospitals')}
      </Link>
    </div>
  );
}
