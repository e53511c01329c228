import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './meetup.css';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';

import { useRate, useReviewPost } from '../api/meetups';
import type { MeetupDetail, Participant } from '../api/types';

function RatingForm({ meetupId, person, current }: { meetupId: string; person: Participant; current?: { stars: number; text: string } }) {
  const { t, i18n } = useTranslation('meetup');
  const rate = useRate(meetupId);
  const [stars, setStars] = useState(current?.stars ?? 0);
  const [text, setText] = useState(current?.text ?? '');
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stars > 0) rate.mutate({ memberId: person.member_id, stars, text });
  }
  return (
    <form className="meetup-rating" onSubmit={submit} aria-label={t('after.rateWho', { name: person.nickname })}>
      <fieldset>
        <legend>{t('after.rateWho', { name: person.nickname })}</legend>
        <div className="meetup-rating__stars">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className={value <= stars ? 'meetup-star meetup-star--on' : 'meetup-star'}>
              <input
                type="radio"
                name={`stars-${person.member_id}`}
                value={value}
                checked={stars === value}
                onChange={() => setStars(value)}
                aria-label={t('after.stars', { count: value })}
              />
              ★
            </label>
          ))}
        </div>
      </fieldset>
      <FormField label={t('after.text')} value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
      <FormAlert message={rate.isError ? translateProblem(i18n, rate.error) : null} />
      <Button type="submit" variant="secondary" disabled={stars === 0} isLoading={rate.isPending}>
        {current === undefined ? t('after.submit') : t('after.change')}
      </Button>
      {rate.isSuccess && <p role="status">{t('after.saved')}</p>}
    </form>
  );
}

function ReviewPostForm({ meetupId }: { meetupId: string }) {
  const { t, i18n } = useTranslation('meetup');
  const post = useReviewPost(meetupId);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  return (
    <form
      className="meetup-review-post"
      onSubmit={(event) => {
        event.preventDefault();
        post.mutate({ title, content });
      }}
    >
      <h3>{t('after.postTitle')}</h3>
      <FormField label={t('after.postHeading')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
      <label className="meetup-form__text">
        <span>{t('after.postContent')}</span>
        <textarea value={content} onChange={(e) => setContent(e.target.value)} rows={4} />
      </label>
      <FormAlert message={post.isError ? translateProblem(i18n, post.error) : null} />
      <Button type="submit" variant="secondary" disabled={title.trim() === '' || content.trim() === ''} isLoading={post.isPending}>
        {t('after.postSubmit')}
      </Button>
    </form>
  );
}

/** After the window: rate each other attendee, and the optional 번개후기 post. */
export function AfterPanel({ meetup, myId }: { meetup: MeetupDetail; myId: string | null }) {
  const { t } = useTranslation('meetup');
  const others = meetup.participants.filter((p) => p.attended === true && p.member_id !== myId);
  if (!meetup.attended) {
    return (
      <section className="meetup-after card">
        <p>{t('after.notAttended')}</p>
      </section>
    );
  }
  return (
    <section className="meetup-after card" aria-labelledby="after-title">
      <h2 id="after-title">{t('after.title')}</h2>
      <p className="meetup-form__hint">{t('after.hint')}</p>
      {others.length === 0 && <p>{t('after.nobody')}</p>}
      {others.map((person) => {
        const mine = meetup.my_ratings?.find((rating) => rating.member_id === person.member_id);
        return (
          <RatingForm
            key={person.member_id}
            meetupId={meetup.id}
            person={person}
            {...(mine === undefined ? {} : { current: { stars: mine.stars, text: mine.text } })}
          />
        );
      })}
      {meetup.wrote_review_post ? <p role="status">{t('after.postWritten')}</p> : <ReviewPostForm meetupId={meetup.id} />}
    </section>
  );
}
