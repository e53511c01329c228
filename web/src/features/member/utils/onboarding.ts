import type { MyProfile } from '../api/types';

export const ONBOARDING_STEPS = ['owner', 'dog', 'neighbourhood'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export function doneSteps(profile: MyProfile): Record<OnboardingStep, boolean> {
  return {
    owner: profile.onboarding.traits,
    dog: profile.onboarding.dog,
    neighbourhood: profile.onboarding.neighbourhood,
  };
}

/** The first step still to do (the last one when all look done). */
export function firstOpenStep(profile: MyProfile): OnboardingStep {
  const done = doneSteps(profile);
  return ONBOARDING_STEPS.find((step) => !done[step]) ?? 'neighbourhood';
}
