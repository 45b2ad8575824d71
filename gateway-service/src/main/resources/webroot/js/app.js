// The page's shell: the guest session, the one protocol connection, the header, and hash routing between the
// lobby, a game and the map. /join/<inviteCode> joins that game once connected.
(function (global) {
  'use strict';
  const { $, toast, errorText } = global.UI;
  const SESSION_KEY = 'parlor.session';

  const App = {
    session: null,
    client: null,
    avatars: new Map(),   // userId -> sizes, learned from presence and thumbnail.ready
    userHandlers: [],     // (event, data) listeners for user:<me>
    welcomeHandlers: [],  // called after every welcome (first connect and each reconnect)
    view: null,

    start() {
      $('signin-form').addEventListener('submit', (e) => { e.preventDefault(); App.signIn($('signin-name').value); });
      $('sign-out').addEventListener('click', () => App.signOut());
      global.addEventListener('hashchange', () => App.route());
      const stored = App.loadSession();
      if (stored) App.enter(stored); else App.showView('signin');
    },

    loadSession() {
      try {
        const s = JSON.parse(localStorage.getItem(SESSION_KEY));
        if (s && s.token && (!s.expiresAt || Date.parse(s.expiresAt) > Date.now() + 60000)) return s;
      } catch (e) { /* a damaged entry means: sign in again */ }
      return null;
    },

    async signIn(name) {
      $('signin-error').hidden = true;
      $('signin-button').disabled = true;
      try {
        const response = await fetch('/api/v1/sessions', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.status !== 201) throw new Error((body.error && body.error.message) || 'HTTP ' + response.status);
        localStorage.setItem(SESSION_KEY, JSON.stringify(body));
        App.enter(body);
      } catch (e) {
        $('signin-error').textContent = 'Could not sign in: ' + e.message;
        $('signin-error').hidden = false;
      } finally {
        $('signin-button').disabled = false;
      }
    },

    signOut() {
      localStorage.removeItem(SESSION_KEY);
      if (App.client) App.client.close();
      global.location.href = '/';
    },

    enter(session) {
      App.session = session;
      $('me').hidden = false;
      $('nav').hidden = false;
      $('me-name').textContent = session.name;
      App.setAvatar(session.userId, JSON.parse(localStorage.getItem('parlor.avatar.' + session.userId) || 'null'));
      const transport = new URLSearchParams(global.location.search).get('transport') || 'auto';
      App.client = new global.Parlor.ParlorClient({
        token: session.token, transport, onState: App.showState, onWelcome: App.onWelcome,
      });
      App.client.followUserTopic(session.userId, (kind, payload) => {
        if (kind === 'event') App.userHandlers.forEach((h) => h(payload.event, payload.data));
      });
      global.parlor = App.client; // for operators poking at the page in DevTools, and for the browser tests
      App.client.connect();
      global.Lobby.show(); // its subscriptions (presence, lobby, matches) serve every view
      global.AvatarUpload.start();
      App.route();
    },

    onWelcome(welcome) {
      App.welcomeHandlers.forEach((h) => h(welcome));
      const join = global.location.pathname.match(/^\/join\/([^/]+)$/);
      if (join) {
        history.replaceState(null, '', '/#/lobby');
        App.client.request('game.join', { inviteCode: decodeURIComponent(join[1]) })
          .then((r) => App.openGame(r.game, r.offset))
          .catch((e) => {
            // Opening the invite link again (or the creator opening it) is no reason to stay out of the game.
            if (e.code === 'conflict') toast('You are already in this game, or it is full.');
            else toast('Could not join: ' + errorText(e));
            App.route();
          });
      }
    },

    showState(state, detail) {
      const box = $('conn');
      box.dataset.state = state;
      box.dataset.transport = detail.transport || App.client.transportKind || '';
      const texts = {
        connecting: 'connecting…',
        online: 'online · ' + (detail.transport === 'sockjs' ? 'SockJS' : 'WebSocket'),
        reconnecting: detail.inMs !== undefined ? 'reconnecting in ' + Math.ceil(detail.inMs / 1000) + ' s' : 'reconnecting…',
        offline: 'offline — will reconnect',
        unauthorized: 'session expired',
      };
      $('conn-text').textContent = texts[state] || state;
      if (state === 'unauthorized') {
        localStorage.removeItem(SESSION_KEY);
        toast('Your session has ended: please sign in again.');
        App.client.close();
        $('me').hidden = true;
        App.showView('signin');
      }
    },

    setAvatar(userId, sizes) {
      if (!sizes) return;
      App.avatars.set(userId, sizes);
      if (App.session && userId === App.session.userId) {
        localStorage.setItem('parlor.avatar.' + userId, JSON.stringify(sizes));
        $('me-avatar').src = sizes['64'] || sizes['128'];
        $('me-avatar').hidden = false;
        $('me-initial').hidden = true;
      }
      global.dispatchEvent(new CustomEvent('parlor:avatar', { detail: { userId, sizes } }));
    },

    onUserEvent(handler) {
      App.userHandlers.push(handler);
    },

    onWelcomeEvery(handler) {
      App.welcomeHandlers.push(handler);
    },

    openGame(game, offset) {
      global.GameView.preload(game, offset);
      global.location.hash = '#/game/' + encodeURIComponent(game.gameId);
      App.route();
    },

    route() {
      if (!App.session) return;
      $('me-initial').textContent = App.session.name.charAt(0).toUpperCase();
      const hash = global.location.hash || '#/lobby';
      const game = hash.match(/^#\/game\/(.+)$/);
      if (game) {
        App.showView('game');
        global.GameView.show(decodeURIComponent(game[1]));
      } else if (hash === '#/map') {
        App.showView('map');
        global.MapView.show();
      } else {
        App.showView('lobby');
        global.Lobby.show();
      }
    },

    showView(name) {
      if (App.view === 'game' && name !== 'game') global.GameView.hide();
      App.view = name;
      for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== 'view-' + name;
      for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.view === name);
      document.title = 'Parlor · ' + ({ signin: 'sign in', lobby: 'lobby', game: 'game', map: 'live map' }[name] || name);
    },
  };

  global.App = App;
  document.addEventListener('DOMContentLoaded', () => App.start());
})(window);
