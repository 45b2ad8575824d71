// The lobby: who is online (presence room "lobby"), public games waiting for a player (topic "lobby"), creating
// games and quick match. Its subscriptions live as long as the page, so the lobby is current whenever it is shown.
(function (global) {
  'use strict';
  const { $, el, toast, avatar, errorText, ago, KIND_NAMES } = global.UI;

  const Lobby = {
    started: false,
    open: new Map(),       // gameId -> GameSummary
    recent: [],            // summaries of games that left the lobby because they started: still watchable
    members: new Map(),    // userId -> Member
    queuedKind: null,

    show() {
      if (Lobby.started) return;
      Lobby.started = true;
      const client = global.App.client;
      client.subscribe('lobby', Lobby.onLobby).catch((e) => toast('Open games unavailable: ' + errorText(e)));
      client.subscribe('presence:lobby', Lobby.onPresence).catch((e) => toast('Who is online unavailable: ' + errorText(e)));
      // Presence belongs to a session: say we are here again after every (re)connect.
      global.App.onWelcomeEvery(() => client.request('presence.set', { room: 'lobby', status: 'online' }).catch(() => {}));
      if (client.state === 'online') client.request('presence.set', { room: 'lobby', status: 'online' }).catch(() => {});
      global.App.onUserEvent(Lobby.onUserEvent);
      global.addEventListener('parlor:avatar', Lobby.onAvatar);
      $('create-public').addEventListener('click', () => Lobby.create('public'));
      $('create-private').addEventListener('click', () => Lobby.create('private'));
      for (const button of document.querySelectorAll('.quickmatch')) {
        button.addEventListener('click', () => Lobby.quickmatch(button.dataset.kind));
      }
      $('queue-cancel').addEventListener('click', Lobby.cancelQuickmatch);
      $('watch-form').addEventListener('submit', (e) => {
        e.preventDefault();
        const text = $('watch-id').value.trim();
        const id = text.replace(/^.*#\/game\//, '');
        if (id) global.location.hash = '#/game/' + encodeURIComponent(id);
      });
    },

    onLobby(kind, payload) {
      if (kind === 'snapshot') {
        Lobby.open = new Map(((payload.snapshot && payload.snapshot.games) || []).map((g) => [g.gameId, g]));
      } else if (payload.event === 'lobby.opened') {
        Lobby.open.set(payload.data.game.gameId, payload.data.game);
      } else if (payload.event === 'lobby.closed') {
        const gone = Lobby.open.get(payload.data.gameId);
        Lobby.open.delete(payload.data.gameId);
        if (gone) Lobby.recent = [gone].concat(Lobby.recent.filter((g) => g.gameId !== gone.gameId)).slice(0, 10);
      }
      Lobby.renderGames();
    },

    renderGames() {
      const me = global.App.session.userId;
      const list = $('open-games');
      list.replaceChildren();
      const games = [...Lobby.open.values()].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
      for (const g of games) {
        const mine = g.players.some((p) => p.userId === me);
        list.append(el('li', { dataset: { gameId: g.gameId, kind: g.kind } },
          el('span', { class: 'grow' }, el('b', {}, KIND_NAMES[g.kind] || g.kind), ' · ',
            g.players.map((p) => p.name).join(', '), ' ', el('span', { class: 'muted' }, ago(g.createdAt))),
          mine ? el('button', { class: 'open', type: 'button', onclick: () => Lobby.watch(g.gameId) }, 'Open')
            : el('button', { class: 'join', type: 'button', onclick: () => Lobby.join(g.gameId) }, 'Join'),
          el('button', { class: 'watch link', type: 'button', onclick: () => Lobby.watch(g.gameId) }, 'watch')));
      }
      if (!games.length) list.append(el('li', { class: 'muted empty' }, 'No open games yet — create one.'));
      const recent = $('started-games');
      recent.replaceChildren();
      for (const g of Lobby.recent) {
        recent.append(el('li', { dataset: { gameId: g.gameId } },
          el('span', { class: 'grow' }, el('b', {}, KIND_NAMES[g.kind] || g.kind), ' · ',
            g.players.map((p) => p.name).join(' vs ')),
          el('button', { class: 'watch', type: 'button', onclick: () => Lobby.watch(g.gameId) }, 'Watch')));
      }
      if (!Lobby.recent.length) recent.append(el('li', { class: 'muted empty' }, 'Nothing yet.'));
    },

    onPresence(kind, payload) {
      if (kind === 'snapshot') {
        Lobby.members = new Map(((payload.snapshot && payload.snapshot.members) || []).map((m) => [m.userId, m]));
      } else if (payload.event === 'presence.diff') {
        const d = payload.data;
        for (const m of (d.joined || []).concat(d.updated || [])) {
          Lobby.members.set(m.userId, Object.assign(Lobby.members.get(m.userId) || {}, m));
        }
        for (const id of d.left || []) Lobby.members.delete(id);
      }
      for (const m of Lobby.members.values()) if (m.avatar) global.App.avatars.set(m.userId, m.avatar);
      Lobby.renderMembers();
    },

    onAvatar(e) {
      const m = Lobby.members.get(e.detail.userId);
      if (m) m.avatar = e.detail.sizes;
      Lobby.renderMembers();
    },

    renderMembers() {
      const me = global.App.session.userId;
      const list = $('online');
      list.replaceChildren();
      const members = [...Lobby.members.values()].sort((a, b) => a.name.localeCompare(b.name));
      for (const m of members) {
        list.append(el('li', { dataset: { userId: m.userId } },
          avatar(m.name, m.avatar || global.App.avatars.get(m.userId)),
          el('span', {}, m.name), m.userId === me ? el('span', { class: 'muted' }, '(you)') : null,
          m.status && m.status !== 'online' ? el('span', { class: 'muted' }, m.status) : null));
      }
      $('online-count').textContent = String(members.length);
    },

    async create(visibility) {
      try {
        const r = await global.App.client.request('game.create', { kind: $('create-kind').value, visibility });
        global.App.openGame(r.game, r.offset);
      } catch (e) {
        toast('Could not create the game: ' + errorText(e));
      }
    },

    async join(gameId) {
      try {
        const r = await global.App.client.request('game.join', { gameId });
        global.App.openGame(r.game, r.offset);
      } catch (e) {
        toast('Could not join: ' + errorText(e));
      }
    },

    watch(gameId) {
      global.location.hash = '#/game/' + encodeURIComponent(gameId);
    },

    async quickmatch(kind) {
      try {
        await global.App.client.request('game.quickmatch', { kind });
        Lobby.queuedKind = kind;
        $('queue-state').textContent = 'Looking for an opponent (' + KIND_NAMES[kind] + ')…';
        $('queue-cancel').hidden = false;
      } catch (e) {
        toast('Quick match unavailable: ' + errorText(e));
      }
    },

    async cancelQuickmatch() {
      const kind = Lobby.queuedKind;
      Lobby.clearQueue();
      if (kind) await global.App.client.request('game.cancelQuickmatch', { kind }).catch(() => {});
    },

    clearQueue() {
      Lobby.queuedKind = null;
      $('queue-state').textContent = '';
      $('queue-cancel').hidden = true;
    },

    onUserEvent(event, data) {
      if (event === 'game.matched') {
        Lobby.clearQueue();
        toast('Matched! Your game starts now.');
        global.App.openGame(data.game, data.offset);
      }
    },
  };

  global.Lobby = Lobby;
})(window);
