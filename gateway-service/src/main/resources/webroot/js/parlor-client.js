// Parlor protocol client, version 1 (docs: PROTOCOL.md). One connection to the gateway: WebSocket first, SockJS when
// WebSocket is missing or cannot get through. Replies are matched to requests by id; topic subscriptions survive
// reconnects: durable topics resume with since/epoch, and events are de-duplicated by offset, so a caller sees every
// event of a durable topic once, in order.
(function (global) {
  'use strict';

  const BACKOFF_MIN_MS = 500;
  const BACKOFF_MAX_MS = 15000;
  const REQUEST_TIMEOUT_MS = 15000;

  class ProtocolError extends Error {
    constructor(code, message) {
      super(message || code);
      this.code = code;
    }
  }

  function isDurable(topic) {
    return topic.startsWith('game:') || topic.startsWith('user:');
  }

  // Full jitter: a random delay up to an exponentially growing cap, so a crowd of clients does not reconnect in step.
  function backoffDelay(attempt) {
    const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * Math.pow(2, attempt));
    return Math.round(cap / 2 + Math.random() * cap / 2);
  }

  /** A WebSocket or SockJS connection behind one small interface: send(text), close(), and four callbacks. */
  function openTransport(kind, baseUrl) {
    let sock;
    if (kind === 'websocket') {
      sock = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/ws');
    } else {
      sock = new global.SockJS(baseUrl + '/sockjs');
    }
    const t = { kind, onopen: null, onmessage: null, onclose: null };
    sock.onopen = () => t.onopen && t.onopen();
    sock.onmessage = (e) => t.onmessage && t.onmessage(e.data);
    sock.onclose = (e) => t.onclose && t.onclose(e);
    t.send = (text) => sock.send(text);
    t.close = () => { try { sock.close(); } catch (e) { /* already closed */ } };
    return t;
  }

  class ParlorClient {
    /**
     * options: token, baseUrl (default: this page's origin), transport ('auto' | 'websocket' | 'sockjs'),
     * onState(state, detail) with state one of connecting, online, reconnecting, offline, unauthorized,
     * onWelcome(welcome).
     */
    constructor(options) {
      this.token = options.token;
      this.baseUrl = options.baseUrl || global.location.origin;
      this.preferred = options.transport || 'auto';
      this.onState = options.onState || (() => {});
      this.onWelcome = options.onWelcome || (() => {});
      this.state = 'idle';
      this.transport = null;
      this.transportKind = null;
      this.websocketBroken = typeof global.WebSocket === 'undefined';
      this.attempt = 0;
      this.nextId = 1;
      this.pending = new Map();     // id -> {resolve, reject, timer}
      this.waiting = [];            // requests made while not online: sent after the next welcome
      this.topics = new Map();      // topic -> {handler, offset, epoch, subscribed, buffer}
      this.welcome = null;
      this.closedByUser = false;
      this.stats = { connects: 0, resumes: 0, duplicatesDropped: 0, gapsRepaired: 0 };
      global.addEventListener('offline', () => this._dropForOffline());
      global.addEventListener('online', () => { if (this.state === 'offline') this._connectNow(); });
    }

    connect() {
      this.closedByUser = false;
      this._connectNow();
      return this;
    }

    close() {
      this.closedByUser = true;
      clearTimeout(this.retryTimer);
      if (this.transport) this.transport.close();
    }

    /** Sends an op and resolves with its result, or rejects with a ProtocolError carrying the error code. */
    request(type, args) {
      return new Promise((resolve, reject) => {
        const entry = { type, args: args || {}, resolve, reject };
        entry.timer = setTimeout(() => {
          this.pending.delete(entry.id);
          this.waiting = this.waiting.filter((w) => w !== entry);
          reject(new ProtocolError('unavailable', type + ': no answer within ' + REQUEST_TIMEOUT_MS + ' ms'));
        }, REQUEST_TIMEOUT_MS);
        if (this.state === 'online') this._send(entry); else this.waiting.push(entry);
      });
    }

    /**
     * Follows a topic. handler(kind, payload): kind 'snapshot' with {snapshot, offset, epoch, recovered} whenever
     * the server sent a fresh snapshot that the caller must use as its new state, kind 'resume' (same payload) when
     * the server replays what was missed after `since` instead (the events then follow), and kind 'event' with
     * {event, data, offset} for each event (durable topics: each offset exactly once, in order).
     * options.since: replay a durable topic from that offset (0 for its whole history).
     */
    subscribe(topic, handler, options) {
      const since = options && options.since !== undefined ? options.since : null;
      const sub = { handler, offset: since, epoch: null, subscribed: false, buffer: null };
      this.topics.set(topic, sub);
      return this._subscribe(topic, sub);
    }

    /** Receives the events of user:<me>, which the server subscribes every session to; resumed after reconnects. */
    followUserTopic(userId, handler) {
      this.topics.set('user:' + userId, { handler, offset: null, epoch: null, subscribed: false, buffer: null });
    }

    unsubscribe(topic) {
      if (!this.topics.delete(topic)) return Promise.resolve({});
      return this.state === 'online' ? this.request('unsubscribe', { topic }).catch(() => ({})) : Promise.resolve({});
    }

    // --- connection lifecycle -------------------------------------------------------------------------------

    _kindToTry() {
      if (this.preferred === 'sockjs') return 'sockjs';
      if (this.preferred === 'websocket') return 'websocket';
      return this.websocketBroken ? 'sockjs' : 'websocket';
    }

    _setState(state, detail) {
      this.state = state;
      this.onState(state, detail || {});
    }

    _connectNow() {
      clearTimeout(this.retryTimer);
      if (this.closedByUser) return;
      if (global.navigator && global.navigator.onLine === false) {
        this._setState('offline', { reason: 'the browser is offline' });
        return;
      }
      const kind = this._kindToTry();
      if (kind === 'sockjs' && !global.SockJS) {
        this._setState('reconnecting', { reason: 'SockJS library missing' });
        return;
      }
      this._setState(this.welcome ? 'reconnecting' : 'connecting', { transport: kind });
      let transport;
      try {
        transport = openTransport(kind, this.baseUrl);
      } catch (e) {
        if (kind === 'websocket') this.websocketBroken = true;
        this._scheduleReconnect(true);
        return;
      }
      let opened = false;
      this.transport = transport;
      this.transportKind = kind;
      transport.onopen = () => {
        opened = true;
        transport.send(JSON.stringify({ type: 'hello', token: this.token }));
      };
      transport.onmessage = (text) => this._onFrame(text);
      transport.onclose = (e) => {
        if (this.transport !== transport) return;
        this.transport = null;
        // A WebSocket that never opened may be blocked on the way (proxy, firewall): try SockJS at once. If SockJS
        // cannot open either, the server itself is away: the next attempt, after the backoff, is WebSocket again.
        const fallBack = kind === 'websocket' && !opened && this.preferred === 'auto';
        if (fallBack) this.websocketBroken = true;
        if (kind === 'sockjs' && !opened && typeof global.WebSocket !== 'undefined') this.websocketBroken = false;
        this._failInFlight();
        for (const sub of this.topics.values()) sub.subscribed = false;
        if (this.state === 'unauthorized' || this.closedByUser) return;
        if (e && e.code === 1008 && !this.everWelcomed) {
          this._setState('unauthorized', { reason: e.reason || 'refused' });
          return;
        }
        if (this.state === 'offline') return;
        // Told to reconnect (we waited the advised delay, or the server closed with 1012 after it): go now.
        const advised = this.advised || (e && e.code === 1012 && this.adviceTimer !== undefined);
        this.advised = false;
        clearTimeout(this.adviceTimer);
        this.adviceTimer = undefined;
        this._scheduleReconnect(fallBack || advised);
      };
    }

    _scheduleReconnect(immediately) {
      const delay = immediately ? 0 : backoffDelay(this.attempt++);
      this._setState('reconnecting', { inMs: delay });
      this.retryTimer = setTimeout(() => this._connectNow(), delay);
    }

    _dropForOffline() {
      this._setState('offline', { reason: 'the browser is offline' });
      if (this.transport) {
        const t = this.transport;
        this.transport = null;
        t.close();
        this._failInFlight();
        for (const sub of this.topics.values()) sub.subscribed = false;
      }
    }

    _failInFlight() {
      for (const entry of this.pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(new ProtocolError('unavailable', 'connection lost before the answer'));
      }
      this.pending.clear();
    }

    _send(entry) {
      entry.id = String(this.nextId++);
      this.pending.set(entry.id, entry);
      this.transport.send(JSON.stringify(Object.assign({}, entry.args, { type: entry.type, id: entry.id })));
    }

    // --- frames ---------------------------------------------------------------------------------------------

    _onFrame(text) {
      let frame;
      try {
        frame = JSON.parse(text);
      } catch (e) {
        return;
      }
      if (frame.type === 'welcome') this._onWelcome(frame);
      else if (frame.type === 'reply' || frame.type === 'error') this._onAnswer(frame);
      else if (frame.type === 'event') this._onEvent(frame);
      else if (frame.type === 'reconnect') this._onReconnectAdvice(frame);
    }

    // The gateway is draining (a redeploy): leave it after the suggested delay plus jitter, so its clients spread
    // over the other instances instead of arriving all at once, and reconnect at once from there; topics resume.
    _onReconnectAdvice(frame) {
      const transport = this.transport;
      const wait = (frame.delayMs || 0) + Math.random() * (frame.jitterMs || 0);
      this._setState('reconnecting', { reason: 'server restarting', inMs: Math.round(wait) });
      clearTimeout(this.adviceTimer);
      this.adviceTimer = setTimeout(() => {
        if (this.transport !== transport) return;
        this.advised = true;
        transport.close();
      }, wait);
    }

    _onWelcome(welcome) {
      const resumed = !!this.welcome;
      this.welcome = welcome;
      this.everWelcomed = true;
      this.attempt = 0;
      this.stats.connects++;
      if (resumed) this.stats.resumes++;
      // The server subscribed us to user:<me>; on the first connect its current offset is where we start.
      const userTopic = 'user:' + welcome.userId;
      const userSub = this.topics.get(userTopic);
      if (userSub && userSub.offset === null) {
        if (welcome.user) {
          userSub.offset = welcome.user.offset;
          userSub.epoch = welcome.user.epoch;
        }
        userSub.subscribed = true;
      }
      this._setState('online', { transport: this.transportKind, resumed });
      this.onWelcome(welcome);
      for (const [topic, sub] of this.topics) {
        // A subscribe made while offline is already waiting to be sent: one request per topic is enough.
        if (!sub.subscribed && !sub.inFlight) this._subscribe(topic, sub).catch(() => {});
      }
      const waiting = this.waiting;
      this.waiting = [];
      for (const entry of waiting) this._send(entry);
    }

    _onAnswer(frame) {
      if (frame.re === null || frame.re === undefined) {
        if (frame.type === 'error' && frame.code === 'unauthorized') {
          this._setState('unauthorized', { reason: frame.message });
        }
        return;
      }
      const entry = this.pending.get(frame.re);
      if (!entry) return;
      this.pending.delete(frame.re);
      clearTimeout(entry.timer);
      if (frame.type === 'reply') entry.resolve(frame.result || {});
      else entry.reject(new ProtocolError(frame.code, frame.message));
    }

    _subscribe(topic, sub) {
      const args = { topic };
      if (isDurable(topic) && sub.offset !== null) {
        args.since = sub.offset;
        if (sub.epoch) args.epoch = sub.epoch;
      }
      // Events that arrive before the reply are held back, then filtered against what the reply establishes.
      sub.buffer = [];
      sub.inFlight = true;
      const sent = this.request('subscribe', args);
      return sent.then((result) => {
        sub.inFlight = false;
        if (this.topics.get(topic) !== sub) return result;
        const buffered = sub.buffer || [];
        sub.buffer = null;
        sub.subscribed = true;
        const resumed = args.since !== undefined && result.recovered === true;
        const info = { snapshot: result.snapshot, offset: result.offset, epoch: result.epoch, recovered: result.recovered };
        if (resumed) {
          // The missed events follow; the snapshot is for information only (it is already ahead of them).
          sub.handler('resume', info);
        } else {
          if (result.offset !== undefined) sub.offset = result.offset;
          sub.handler('snapshot', info);
        }
        if (result.epoch !== undefined) sub.epoch = result.epoch;
        for (const frame of buffered) this._deliver(topic, sub, frame);
        return result;
      }, (err) => {
        sub.inFlight = false;
        sub.buffer = null;
        if (err.code !== 'unavailable' && this.topics.get(topic) === sub) this.topics.delete(topic);
        throw err;
      });
    }

    _onEvent(frame) {
      const sub = this.topics.get(frame.topic);
      if (!sub) return;
      if (sub.buffer) sub.buffer.push(frame);
      else this._deliver(frame.topic, sub, frame);
    }

    _deliver(topic, sub, frame) {
      if (typeof frame.offset === 'number' && sub.offset !== null) {
        if (frame.offset <= sub.offset) {
          this.stats.duplicatesDropped++;
          return;
        }
        if (frame.offset > sub.offset + 1) {
          // The protocol promises no gaps; if one shows anyway, ask the server for what lies in between.
          this.stats.gapsRepaired++;
          sub.subscribed = false;
          this._subscribe(topic, sub).catch(() => {});
          return;
        }
      }
      if (typeof frame.offset === 'number') sub.offset = frame.offset;
      sub.handler('event', { event: frame.event, data: frame.data, offset: frame.offset });
    }
  }

  global.Parlor = { ParlorClient, ProtocolError, backoffDelay };
})(window);
