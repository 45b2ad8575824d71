// One game: board, turn, result and moves, live from topic game:<id>. The topic is always followed from offset 0,
// so the whole history is at hand: a spectator can replay a finished game move by move.
(function (global) {
  'use strict';
  const { $, el, toast, errorText, KIND_NAMES } = global.UI;

  const GameView = {
    gameId: null,
    game: null,
    inviteCode: null,
    history: [],       // [{offset, action, game}] in offset order
    replayAt: null,    // index into history while replaying, null when following live
    liveFrom: Infinity,
    rematch: null,
    preloaded: null,
    wired: false,

    /** A game just announced by a reply (create, join, match): shown at once, before the topic answers. */
    preload(game, offset) {
      GameView.preloaded = { game, offset };
    },

    show(gameId) {
      GameView.wire();
      if (gameId === GameView.gameId) { GameView.render(); return; }
      GameView.hide();
      Object.assign(GameView, { gameId, game: null, inviteCode: null, history: [], replayAt: null, rematch: null,
        liveFrom: Infinity });
      const pre = GameView.preloaded;
      if (pre && pre.game.gameId === gameId) {
        GameView.game = pre.game;
        GameView.inviteCode = pre.game.inviteCode || null;
      }
      GameView.preloaded = null;
      GameView.render();
      const topic = 'game:' + gameId;
      global.App.client.subscribe(topic, (kind, payload) => GameView.onTopic(gameId, kind, payload), { since: 0 })
        .catch((e) => {
          if (GameView.gameId !== gameId) return;
          if (!GameView.game) $('game-status').textContent = 'Cannot open this game: ' + errorText(e);
          else toast('Live updates unavailable: ' + errorText(e));
        });
    },

    hide() {
      if (GameView.gameId) global.App.client.unsubscribe('game:' + GameView.gameId);
      GameView.gameId = null;
    },

    wire() {
      if (GameView.wired) return;
      GameView.wired = true;
      $('resign').addEventListener('click', () => GameView.act('game.resign'));
      $('claim-win').addEventListener('click', () => GameView.act('game.claimWin'));
      $('rematch').addEventListener('click', GameView.requestRematch);
      $('invite-copy').addEventListener('click', GameView.copyInvite);
      $('replay-first').addEventListener('click', () => GameView.replayTo(0));
      $('replay-prev').addEventListener('click', () => GameView.replayTo(GameView.position() - 1));
      $('replay-next').addEventListener('click', () => GameView.replayTo(GameView.position() + 1));
      $('replay-live').addEventListener('click', () => GameView.replayTo(null));
      $('replay-slider').addEventListener('input', (e) => GameView.replayTo(Number(e.target.value)));
    },

    onTopic(gameId, kind, payload) {
      if (gameId !== GameView.gameId) return;
      if (kind === 'snapshot' || kind === 'resume') {
        const game = payload.snapshot && payload.snapshot.game;
        if (game && game.inviteCode) GameView.inviteCode = game.inviteCode;
        GameView.liveFrom = payload.offset === undefined ? 0 : payload.offset;
        if (kind === 'snapshot' && game) {
          GameView.game = game;
          // Without a replay the history is unknown: the replay controls stay hidden.
          if (!payload.recovered) GameView.history = [];
        }
      } else if (payload.event === 'game.updated') {
        GameView.history.push({ offset: payload.offset, action: payload.data.action, game: payload.data.game });
        GameView.game = payload.data.game;
      } else if (payload.event === 'game.rematched') {
        GameView.rematch = payload.data.game;
        const me = global.App.session.userId;
        const player = payload.data.game.players.some((p) => p.userId === me);
        if (player && payload.offset > GameView.liveFrom) {
          toast('Rematch! A new game starts.');
          global.App.openGame(payload.data.game, payload.data.offset);
          return;
        }
      }
      GameView.render();
    },

    position() {
      return GameView.replayAt === null ? GameView.history.length - 1 : GameView.replayAt;
    },

    replayTo(index) {
      if (index !== null) index = Math.max(0, Math.min(GameView.history.length - 1, index));
      GameView.replayAt = index === GameView.history.length - 1 ? null : index;
      GameView.render();
    },

    me() {
      return global.App.session.userId;
    },

    render() {
      const live = GameView.game;
      if (!live) {
        $('game-title').textContent = 'Game';
        $('game-status').textContent = 'Loading…';
        $('board').replaceChildren();
        return;
      }
      const shown = GameView.replayAt === null ? live : GameView.history[GameView.replayAt].game;
      const me = GameView.me();
      const mine = live.players.find((p) => p.userId === me);
      $('game-title').textContent = (KIND_NAMES[live.kind] || live.kind) + ' · ' + live.visibility;
      $('game-role').textContent = mine ? 'You are ' + mine.mark : 'Spectator';
      GameView.renderStatus(shown, mine);
      GameView.renderBoard(shown, mine && GameView.replayAt === null && live.status === 'playing' && live.turn === me);
      GameView.renderInvite(live, mine);
      $('resign').hidden = !(mine && live.status === 'playing');
      $('claim-win').hidden = !(mine && live.status === 'playing' && live.turn !== me);
      $('rematch').hidden = !(mine && live.status === 'finished') || !!GameView.rematch;
      $('rematch-link').hidden = !GameView.rematch;
      if (GameView.rematch) $('rematch-link').href = '#/game/' + encodeURIComponent(GameView.rematch.gameId);
      $('players').replaceChildren(...live.players.map((p) => el('li', { dataset: { userId: p.userId } },
        global.UI.avatar(p.name, global.App.avatars.get(p.userId)), el('b', {}, p.mark), ' ', p.name,
        p.userId === me ? el('span', { class: 'muted' }, '(you)') : null,
        live.turn === p.userId && live.status === 'playing' ? el('span', { class: 'badge' }, 'to move') : null)));
      GameView.renderMoves(live);
      GameView.renderReplay();
    },

    nameOf(game, userId) {
      const p = game.players.find((x) => x.userId === userId);
      return p ? p.name : 'someone';
    },

    renderStatus(g, mine) {
      const status = $('game-status');
      const me = GameView.me();
      let text;
      if (g.status === 'waiting') text = 'Waiting for an opponent…';
      else if (g.status === 'playing') {
        const turn = g.players.find((p) => p.userId === g.turn);
        text = g.turn === me ? 'Your turn (' + mine.mark + ')' : (turn ? turn.name + '’s turn (' + turn.mark + ')' : '');
      } else if (g.draw) text = 'Draw!';
      else if (g.winner) {
        const last = GameView.history.length ? GameView.history[GameView.history.length - 1].action : null;
        const how = last && last.type === 'resign' ? ' by resignation' : last && last.type === 'abandon' ? ' — opponent left' : '';
        text = (g.winner === me ? 'You won' : GameView.nameOf(g, g.winner) + ' won') + how + '!';
      } else text = 'Finished';
      if (GameView.replayAt !== null) text = 'Replay: ' + text;
      status.textContent = text;
      status.dataset.status = g.status;
      status.dataset.winner = g.winner || '';
      status.dataset.draw = String(!!g.draw);
    },

    renderBoard(g, myTurn) {
      const board = $('board');
      board.className = 'board ' + g.kind + (myTurn ? ' mine' : '');
      const win = new Set(g.winningLine || []);
      const last = GameView.lastCell();
      const cells = g.board.map((mark, i) => el('button', {
        type: 'button', class: 'cell' + (mark ? '' : ' free') + (win.has(i) ? ' win' : '') + (i === last ? ' last' : ''),
        dataset: { index: String(i), mark: mark || '' }, 'aria-label': 'cell ' + i + (mark ? ' ' + mark : ''),
        onclick: () => myTurn && GameView.move(g, i),
      }, g.kind === 'tictactoe' ? (mark || '') : ''));
      board.replaceChildren(...cells);
    },

    lastCell() {
      const at = GameView.position();
      if (at < 1 || !GameView.history[at]) return -1;
      const before = GameView.history[at - 1].game.board;
      const after = GameView.history[at].game.board;
      return after.findIndex((mark, i) => mark !== before[i]);
    },

    renderInvite(g, mine) {
      const code = g.inviteCode || GameView.inviteCode;
      const show = !!(mine && code && g.status === 'waiting');
      $('invite').hidden = !show;
      if (show) $('invite-link').value = global.location.origin + '/join/' + encodeURIComponent(code);
    },

    describe(entry, game) {
      const a = entry.action || {};
      const who = GameView.nameOf(game, a.by);
      const mark = (game.players.find((p) => p.userId === a.by) || {}).mark || '';
      switch (a.type) {
        case 'created': return who + ' created the game';
        case 'joined': return who + ' joined';
        case 'move':
          if (a.move && a.move.cell !== undefined) {
            return who + ' (' + mark + ') → row ' + (Math.floor(a.move.cell / 3) + 1) + ', column ' + (a.move.cell % 3 + 1);
          }
          return who + ' (' + mark + ') → column ' + ((a.move && a.move.column) + 1);
        case 'resign': return who + ' resigned';
        case 'abandon': return who + ' claimed the win: the opponent left';
        default: return a.type || 'update';
      }
    },

    renderMoves(live) {
      const at = GameView.position();
      $('moves').replaceChildren(...GameView.history.map((entry, i) => el('li', {
        dataset: { offset: String(entry.offset), type: (entry.action && entry.action.type) || '' },
        class: i === at && GameView.replayAt !== null ? 'current' : '',
        onclick: () => GameView.replayTo(i),
      }, GameView.describe(entry, live))));
    },

    renderReplay() {
      const n = GameView.history.length;
      $('replay').hidden = n < 2;
      $('replay-slider').max = String(Math.max(0, n - 1));
      $('replay-slider').value = String(GameView.position());
      $('replay-pos').textContent = GameView.replayAt === null ? 'live' : 'step ' + (GameView.replayAt + 1) + ' of ' + n;
    },

    async move(g, index) {
      const move = g.kind === 'tictactoe' ? { cell: index } : { column: index % 7 };
      try {
        await global.App.client.request('game.move', { gameId: g.gameId, move });
      } catch (e) {
        toast('Move refused: ' + errorText(e));
      }
    },

    async act(op) {
      try {
        await global.App.client.request(op, { gameId: GameView.gameId });
      } catch (e) {
        if (op === 'game.claimWin' && e.code === 'conflict') toast('Not yet: your opponent has not been gone long enough.');
        else toast(op.replace('game.', '') + ' refused: ' + errorText(e));
      }
    },

    async requestRematch() {
      try {
        const r = await global.App.client.request('game.rematch', { gameId: GameView.gameId });
        global.App.openGame(r.game, r.offset);
      } catch (e) {
        toast('Rematch refused: ' + errorText(e));
      }
    },

    copyInvite() {
      const input = $('invite-link');
      input.select();
      const done = () => toast('Invite link copied');
      if (navigator.clipboard && global.isSecureContext) navigator.clipboard.writeText(input.value).then(done, () => {});
      else { document.execCommand('copy'); done(); }
    },
  };

  global.GameView = GameView;
})(window);
