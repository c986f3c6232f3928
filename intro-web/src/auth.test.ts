import { describe, expect, it } from 'vitest';
import { jwt } from './test/fixtures';
import { clearSession, keepSession, readToken, storedSession, takeFragmentToken } from './auth';

describe('the token', () => {
  it('gives the user id and roles, in either claim form', () => {
    expect(readToken(jwt({ sub: 'ada', roles: ['intro:admin', 7] }))).toMatchObject({
      userId: 'ada',
      roles: ['intro:admin'],
    });
    expect(readToken(jwt({ sub: 'grace', roles: 'a b' }))?.roles).toEqual(['a', 'b']);
    expect(readToken(jwt({ sub: 'grace' }))?.roles).toEqual([]);
  });

  it('is refused when expired, without a subject or unreadable', () => {
    expect(readToken(jwt({ sub: 'ada', exp: 10 }), 20_000)).toBeNull();
    expect(readToken(jwt({ roles: [] }))).toBeNull();
    expect(readToken('not-a-jwt')).toBeNull();
    expect(readToken('a.%%%.c')).toBeNull();
  });

  it('handed over in the URL fragment moves to sessionStorage and leaves the address bar', () => {
    const token = jwt({ sub: 'ada' });
    window.history.replaceState(null, '', `/home?x=1#access_token=${token}&token_type=Bearer&view=2`);
    expect(takeFragmentToken()).toBe(true);
    expect(window.location.hash).toBe('#view=2');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.href).not.toContain(token);
    expect(storedSession()).toMatchObject({ userId: 'ada', token });
    window.history.replaceState(null, '', '/');
    expect(takeFragmentToken()).toBe(false);
    window.history.replaceState(null, '', '/#other=1');
    expect(takeFragmentToken()).toBe(false);
  });

  it('is kept for the tab with the display name, and dropped when expired', () => {
    keepSession({ token: jwt({ sub: 'ada' }), userId: 'ada', roles: [], displayName: 'Ada Lovelace' });
    expect(storedSession()?.displayName).toBe('Ada Lovelace');
    clearSession();
    expect(storedSession()).toBeNull();
    window.sessionStorage.setItem('intro.token', jwt({ sub: 'ada', exp: 1 }));
    expect(storedSession()).toBeNull();
    expect(window.sessionStorage.getItem('intro.token')).toBeNull();
  });
});
