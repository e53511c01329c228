import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ChevronLeftIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';

import type { MyProfile } from '../../api/types';
import { doneSteps, firstOpenStep, ONBOARDING_STEPS, type OnboardingStep } from '../../utils/onboarding';
import { DogForm } from '../dogs/dog-form';
import { DogSummary } from '../dogs/dog-summary';
import { NeighbourhoodForm } from '../neighbourhood/neighbourhood-form';
import { ProfileForm } from '../profile/profile-form';

import { StepIndicator } from './step-indicator';
import './onboarding.css';

interface OnboardingWizardProps {
  profile: MyProfile;
}

/**
 * Three steps: about me (traits, photo, age, gender), the first dog, and the
 * neighbourhood. Each step saves on its own, so a member who leaves half-way
 * comes back to the first open step. The page takes over once all are done.
 */
export function OnboardingWizard({ profile }: OnboardingWizardProps) {
  const { t } = useTranslation('member');
  const [step, setStep] = useState<OnboardingStep>(() => firstOpenStep(profile));
  const [addingDog, setAddingDog] = useState(false);
  const index = ONBOARDING_STEPS.indexOf(step);
  const done = doneSteps(profile);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // After a step change, focus (and scroll to) the new step's title so it is announced.
    if (moved.current) heading.current?.focus();
  }, [step]);

  const goTo = (next: OnboardingStep) => {
    moved.current = true;
    setStep(next);
    setAddingDog(false);
  };

  const back =
    index > 0 ? (
      <Button
        variant="secondary"
        onClick={() => {
          const previous = ONBOARDING_STEPS[index - 1];
          if (previous !== undefined) goTo(previous);
        }}
      >
        <ChevronLeftIcon size={18} />
        {t('onboarding.back')}
      </Button>
    ) : undefined;

  return (
    <div className="onboarding">
      <StepIndicator current={step} done={done} />
      <section className="onboarding__step" aria-labelledby="onboarding-step-title">
        <header className="onboarding__header">
          <p className="onboarding__count">{t('onboarding.stepCount', { step: index + 1, total: ONBOARDING_STEPS.length })}</p>
          <h2 id="onboarding-step-title" className="onboarding__title" ref={heading} tabIndex={-1}>
            {t(`onboarding.${step}.title`)}
          </h2>
          <p className="onboarding__lead">{t(`onboarding.${step}.lead`)}</p>
        </header>

        {step === 'owner' && (
          <ProfileForm
            profile={profile}
            submitLabel={t('onboarding.next')}
            onSaved={() => {
              goTo('dog');
            }}
          />
        )}

        {step === 'dog' && profile.dogs.length > 0 && !addingDog && (
          <div className="member-form">
            <ul className="onboarding__dogs" aria-label={t('dogs.listLabel')}>
              {profile.dogs.map((dog) => (
                <li key={dog.id}>
                  <DogSummary dog={dog} />
                </li>
              ))}
            </ul>
            <Button
              variant="ghost"
              onClick={() => {
                setAddingDog(true);
              }}
            >
              {t('dogs.addAnother')}
            </Button>
            <div className="member-form__actions">
              {back}
              <Button
                onClick={() => {
                  goTo('neighbourhood');
                }}
              >
                {t('onboarding.next')}
              </Button>
            </div>
          </div>
        )}

        {step === 'dog' && (profile.dogs.length === 0 || addingDog) && (
          <DogForm
            submitLabel={t('onboarding.next')}
            secondaryAction={back}
            onSaved={() => {
              goTo('neighbourhood');
            }}
          />
        )}

        {step === 'neighbourhood' && (
          <>
            <NeighbourhoodForm
              current={profile.neighbourhood}
              submitLabel={t('onboarding.finish')}
              onVerified={() => {
                // The page notices a completed profile; send the member to whatever is still open.
                const next = firstOpenStep(profile);
                if (next !== 'neighbourhood') goTo(next);
              }}
            />
            {back !== undefined && <div className="member-form__actions">{back}</div>}
          </>
        )}
      </section>
    </div>
  );
}
