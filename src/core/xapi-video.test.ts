import { describe, expect, it } from 'vitest';
import { cmi5Context, cmi5SessionId, CMI5_CATEGORY, CMI5_SESSION_ID, launchDataUrl, mayComplete, MOVEON_CATEGORY, parseAgent, parseCmi5Launch, readAuthToken, readLaunchData, type Cmi5Launch } from './cmi5.ts';
import { xapiProblems as problems } from '../../tests/helpers/test-lrs.ts';
import { isoDuration, playedSegments, VIDEO_PROFILE, videoStatement, type VideoEvent, type VideoSession } from './xapi-video.ts';

const EXT = 'https://w3id.org/xapi/video/extensions/';
const session: VideoSession = {
  actor: { objectType: 'Agent', name: 'Camille', mbox: 'mailto:camille@example.gouv.fr' },
  activityId: 'https://lessons.example.gouv.fr/survivre.json',
  title: 'Survivre en milieu hostile',
  language: 'fr',
  sessionId: '6f1d3a52-2f0b-4c57-9a51-0c0c5b3c2a11',
  length: 312.5,
  completionThreshold: 0.9,
};
const EVENTS: VideoEvent[] = [
  { verb: 'initialized' },
  { verb: 'played', time: 0 },
  { verb: 'paused', time: 12.3456, progress: 0.0395, segments: [[0, 12.3456]] },
  { verb: 'seeked', from: 12.3456, to: 100 },
  { verb: 'completed', time: 300, progress: 0.91, segments: [[0, 12.3], [100, 300]], durationMs: 200_000 },
  { verb: 'terminated', time: 301, progress: 0.91, segments: [[0, 12.3], [100, 301]], durationMs: 210_500 },
];
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;


describe('Video Profile statements', () => {
  it('every verb makes a valid statement with the session, the length and the lesson as the activity', () => {
    EVENTS.forEach((event, i) => {
      const statement = videoStatement(session, event, uuid(i), Date.UTC(2026, 11, 2, 8, 0, i));
      expect(problems(statement), event.verb).toEqual([]);
      expect(statement.object).toEqual({
        objectType: 'Activity',
        id: session.activityId,
        definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { fr: 'Survivre en milieu hostile' } },
      });
      expect(statement.context.extensions).toMatchObject({ [`${EXT}session-id`]: session.sessionId, [`${EXT}length`]: 312.5 });
      expect(statement.context.contextActivities?.category?.map((c) => c.id)).toEqual([VIDEO_PROFILE]);
      expect(statement.timestamp).toBe(`2026-12-02T08:00:0${i}.000Z`);
    });
  });

  it('carries the result extensions of each verb: time, time-from/to, progress and played segments', () => {
    const at = (i: number) => videoStatement(session, EVENTS[i]!, uuid(i), 0);
    expect(at(0).result).toBeUndefined();
    expect(at(1).verb.id).toBe('https://w3id.org/xapi/video/verbs/played');
    expect(at(1).result?.extensions).toEqual({ [`${EXT}time`]: 0 });
    expect(at(2).result?.extensions).toEqual({ [`${EXT}time`]: 12.346, [`${EXT}progress`]: 0.04, [`${EXT}played-segments`]: '0[.]12.346' });
    expect(at(3).result?.extensions).toEqual({ [`${EXT}time-from`]: 12.346, [`${EXT}time-to`]: 100 });
    expect(at(4).verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(at(4).result).toMatchObject({ completion: true, duration: 'PT0H3M20S', extensions: { [`${EXT}played-segments`]: '0[.]12.3[,]100[.]300' } });
    expect(at(5).result?.completion).toBeUndefined();
    expect(at(5).result?.duration).toBe('PT0H3M30.5S');
  });

  it('formats durations and segments as the profile and ISO 8601 ask', () => {
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(0)).toBe('PT0H0M0S');
    expect(playedSegments([[0, 1], [2, 2], [3.00049, 4]])).toBe('0[.]1[,]3[.]4');
  });
});

describe('cmi5', () => {
  const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.gouv.fr', name: 'camille' } };
  const search = (overrides: Record<string, string> = {}) =>
    '?' +
    new URLSearchParams({
      endpoint: 'https://lrs.example.gouv.fr/xapi',
      fetch: 'https://lms.example.gouv.fr/token/abc',
      actor: JSON.stringify(actor),
      registration: 'a1f9d5e2-3b4c-4d5e-8f60-718293a4b5c6',
      activityId: 'https://lessons.example.gouv.fr/au/survivre',
      ...overrides,
    });

  it('reads the five launch parameters, and says what is wrong with a bad launch', () => {
    expect(parseCmi5Launch('')).toBeNull();
    expect(parseCmi5Launch('?t=12')).toBeNull();
    expect(parseCmi5Launch(search())).toEqual({
      endpoint: 'https://lrs.example.gouv.fr/xapi/',
      fetchUrl: 'https://lms.example.gouv.fr/token/abc',
      actor,
      registration: 'a1f9d5e2-3b4c-4d5e-8f60-718293a4b5c6',
      activityId: 'https://lessons.example.gouv.fr/au/survivre',
    });
    expect(parseCmi5Launch('?endpoint=https://lrs.test/')).toBe('the cmi5 launch URL lacks fetch, actor, registration, activityId');
    expect(parseCmi5Launch(search({ actor: '{"name":"no identifier"}' }))).toBe('the cmi5 actor parameter is not an xAPI agent');
    expect(parseCmi5Launch(search({ actor: '{"mbox":"mailto:a@b.fr","openid":"https://id.test/a"}' }))).toBe('the cmi5 actor parameter is not an xAPI agent');
    expect(parseCmi5Launch(search({ registration: '12' }))).toBe('the cmi5 registration parameter is not a UUID');
    expect(parseCmi5Launch(search({ endpoint: '/xapi' }))).toBe('the cmi5 endpoint and fetch parameters must be absolute URLs');
    expect(parseAgent('not json')).toBeNull();
  });

  it('reads the token and LMS.LaunchData, and refuses what cmi5 does not allow', () => {
    expect(readAuthToken({ 'auth-token': 'dG9rZW4=' })).toEqual({ token: 'dG9rZW4=' });
    expect(readAuthToken({ 'error-code': '1', 'error-text': 'already used' })).toEqual({ error: 'the platform gave no authorization token (1: already used)' });
    expect(readLaunchData({ contextTemplate: {}, launchMode: 'Normal' })).toBeNull();
    expect(readLaunchData({ contextTemplate: {}, launchMode: 'Sideways', moveOn: 'Completed' })).toBeNull();
    const browse = readLaunchData({ contextTemplate: {}, launchMode: 'Browse', moveOn: 'Completed' })!;
    expect(mayComplete(browse)).toBe(false);
  });

  it('gives defined, completed and allowed statements the template, the registration and their categories, all valid', () => {
    const launch = parseCmi5Launch(search()) as Cmi5Launch;
    const data = readLaunchData({
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lessons.example.gouv.fr/course/securite' }] },
        extensions: { [CMI5_SESSION_ID]: 'c0ffee00-0000-4000-8000-000000000001' },
      },
      launchMode: 'Normal',
      moveOn: 'Completed',
      returnURL: 'https://lms.example.gouv.fr/course',
    })!;
    expect(mayComplete(data)).toBe(true);
    expect(cmi5SessionId(data)).toBe('c0ffee00-0000-4000-8000-000000000001');
    const kinds = { initialized: 'defined', played: 'allowed', paused: 'allowed', seeked: 'allowed', completed: 'completed', terminated: 'defined' } as const;
    EVENTS.forEach((event, i) => {
      const statement = videoStatement({ ...session, actor: launch.actor, activityId: launch.activityId, context: cmi5Context(launch, data, kinds[event.verb]) }, event, uuid(i), 0);
      expect(problems(statement), event.verb).toEqual([]);
      expect(statement.context.registration).toBe(launch.registration);
      expect(statement.context.extensions?.[CMI5_SESSION_ID]).toBe('c0ffee00-0000-4000-8000-000000000001');
      expect(statement.context.contextActivities?.grouping?.[0]?.id).toBe('https://lessons.example.gouv.fr/course/securite');
      const categories = statement.context.contextActivities?.category?.map((c) => c.id);
      const expected = { defined: [CMI5_CATEGORY, VIDEO_PROFILE], completed: [CMI5_CATEGORY, MOVEON_CATEGORY, VIDEO_PROFILE], allowed: [VIDEO_PROFILE] }[kinds[event.verb]];
      expect(categories, event.verb).toEqual(expected);
    });
    const url = new URL(launchDataUrl(launch));
    expect(url.pathname).toBe('/xapi/activities/state');
    expect(Object.fromEntries(url.searchParams)).toEqual({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(actor), registration: launch.registration });
  });

  it('an invalid statement is one the validator catches (the check can fail)', () => {
    const statement = videoStatement(session, EVENTS[1]!, 'not-a-uuid', 0);
    expect(problems(statement)).not.toEqual([]);
  });
});
