import { useTranslation } from 'react-i18next';

import { ONBOARDING_STEPS, type OnboardingStep } from '../../utils/onboarding';

import './onboarding.css';


interface StepIndicatorProps {
  current: OnboardingStep;
  done: Record<OnboardingStep, boolean>;
}

/** "1 나 · 2 강아지 · 3 동네" with the current step marked for assistive tech. */
export function StepIndicator({ current, done }: StepIndicatorProps) {
  const { t } = useTranslation('member');
  const index = ONBOARDING_STEPS.indexOf(current);
  return (
    <nav aria-label={t('onboarding.progress', { step: index + 1, total: ONBOARDING_STEPS.length })}>
      <ol className="steps">
        {ONBOARDING_STEPS.map((step, position) => {
          const state = step === current ? 'current' : done[step] ? 'done' : 'todo';
          return (
            <li key={step} className={`steps__item steps__item--${state}`} aria-current={step === current ? 'step' : undefined}>
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : position + 1}
              </span>
              <span className="steps__label">
                {t(`onboarding.steps.${step}`)}
                {state === 'done' && <span className="visually-hidden"> {t('onboarding.stepDone')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
