// The live map: a world outline drawn from the bundled world-atlas TopoJSON (no tile server, works offline) in an
// equirectangular projection, and a pin with name and heading arrow for everyone in presence room "map" who
// shares a location. Locations come from the browser (geolocation, device orientation) or a click on the map.
(function (global) {
  'use strict';
  const { $, el, toast, errorText } = global.UI;
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 960;
  const H = 480;
  const ROOM = 'map';
  const HEADING_MIN_INTERVAL_MS = 1000;

  function project(lon, lat) {
    return [(lon + 180) * W / 360, (90 - lat) * H / 180];
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const c of children) if (c) node.append(c);
    return node;
  }

  /** Decodes a quantized TopoJSON topology's arcs into [lon, lat] point lists. */
  function decodeArcs(topology) {
    const t = topology.transform;
    return topology.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      return arc.map((p) => {
        x += p[0];
        y += p[1];
        return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [p[0], p[1]];
      });
    });
  }

  /** SVG path data for one TopoJSON object (Polygon, MultiPolygon or a collection of them). */
  function pathData(topology, object) {
    const arcs = decodeArcs(topology);
    const ring = (indexes) => {
      const points = [];
      for (const i of indexes) {
        const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        points.push(...(points.length ? arc.slice(1) : arc));
      }
      let d = '';
      let prevX = null;
      for (const [lon, lat] of points) {
        const [x, y] = project(lon, lat);
        // A jump across the antimeridian starts a new stroke instead of a line across the whole map.
        d += (prevX === null || Math.abs(x - prevX) > W / 2 ? 'M' : 'L') + x.toFixed(1) + ',' + y.toFixed(1);
        prevX = x;
      }
      return d + 'Z';
    };
    const geometry = (g) => {
      if (g.type === 'GeometryCollection') return g.geometries.map(geometry).join('');
      if (g.type === 'Polygon') return g.arcs.map(ring).join('');
      if (g.type === 'MultiPolygon') return g.arcs.map((poly) => poly.map(ring).join('')).join('');
      return '';
    };
    return geometry(object);
  }

  const MapView = {
    started: false,
    members: new Map(),
    myLocation: null,
    heading: null,
    lastHeadingSent: 0,
    watchId: null,

    show() {
      if (MapView.started) { MapView.render(); return; }
      MapView.started = true;
      MapView.drawGraticule();
      fetch('/vendor/world-atlas/land-110m.json').then((r) => r.json())
        .then((topology) => $('land').setAttribute('d', pathData(topology, topology.objects.land)))
        .catch((e) => toast('World outline missing: ' + e.message));
      const client = global.App.client;
      client.subscribe('presence:' + ROOM, MapView.onPresence).catch((e) => toast('Map presence unavailable: ' + errorText(e)));
      MapView.announce();
      // A new session after a reconnect is a new member: tell the room where we are again.
      global.App.onWelcomeEvery(() => MapView.announce());
      global.addEventListener('parlor:avatar', (e) => {
        const m = MapView.members.get(e.detail.userId);
        if (m) { m.avatar = e.detail.sizes; MapView.render(); }
      });
      $('map').addEventListener('click', MapView.placeByClick);
      $('share-location').addEventListener('click', MapView.shareDeviceLocation);
      $('hide-location').addEventListener('click', () => {
        MapView.myLocation = null;
        if (MapView.watchId !== null) navigator.geolocation.clearWatch(MapView.watchId);
        MapView.watchId = null;
        MapView.send({ location: null });
      });
    },

    drawGraticule() {
      const g = $('graticule');
      for (let lon = -150; lon < 180; lon += 30) {
        const [x] = project(lon, 0);
        g.append(svg('line', { class: 'grid', x1: x, y1: 0, x2: x, y2: H }));
      }
      for (let lat = -60; lat <= 60; lat += 30) {
        const [, y] = project(0, lat);
        g.append(svg('line', { class: 'grid', x1: 0, y1: y, x2: W, y2: y }));
      }
    },

    announce() {
      const args = { status: 'on the map' };
      if (MapView.myLocation) args.location = MapView.myLocation;
      MapView.send(args);
    },

    send(args) {
      const client = global.App.client;
      // Not connected: the location is kept and announced again after the next welcome.
      if (client.state !== 'online') return Promise.resolve();
      return client.request('presence.set', Object.assign({ room: ROOM }, args))
        .catch((e) => toast('Could not share the location: ' + errorText(e)));
    },

    placeByClick(e) {
      const map = $('map');
      const point = map.createSVGPoint();
      point.x = e.clientX;
      point.y = e.clientY;
      const p = point.matrixTransform(map.getScreenCTM().inverse());
      const lon = Math.max(-180, Math.min(180, p.x * 360 / W - 180));
      const lat = Math.max(-90, Math.min(90, 90 - p.y * 180 / H));
      MapView.setLocation(lat, lon);
    },

    setLocation(lat, lon) {
      MapView.myLocation = { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
      if (MapView.heading !== null) MapView.myLocation.heading = MapView.heading;
      MapView.send({ location: MapView.myLocation });
    },

    shareDeviceLocation() {
      if (!navigator.geolocation) { toast('This browser cannot share its location: click the map instead.'); return; }
      MapView.watchId = navigator.geolocation.watchPosition(
        (pos) => MapView.setLocation(pos.coords.latitude, pos.coords.longitude),
        () => toast('Location not allowed: click the map to place yourself.'),
        { enableHighAccuracy: false, maximumAge: 30000 });
      global.addEventListener('deviceorientationabsolute', MapView.onOrientation);
      global.addEventListener('deviceorientation', MapView.onOrientation);
    },

    onOrientation(e) {
      const heading = e.webkitCompassHeading !== undefined ? e.webkitCompassHeading
        : e.alpha !== null && e.alpha !== undefined ? (360 - e.alpha) % 360 : null;
      if (heading === null || !MapView.myLocation) return;
      MapView.heading = Math.round(heading) % 360;
      const now = Date.now();
      if (now - MapView.lastHeadingSent < HEADING_MIN_INTERVAL_MS) return;
      MapView.lastHeadingSent = now;
      MapView.myLocation.heading = MapView.heading;
      MapView.send({ location: MapView.myLocation });
    },

    onPresence(kind, payload) {
      if (kind === 'snapshot') {
        MapView.members = new Map(((payload.snapshot && payload.snapshot.members) || []).map((m) => [m.userId, m]));
      } else if (payload.event === 'presence.diff') {
        const d = payload.data;
        for (const m of (d.joined || []).concat(d.updated || [])) {
          // An update carries the member's current state; a missing location means they stopped sharing it.
          MapView.members.set(m.userId, m);
        }
        for (const id of d.left || []) MapView.members.delete(id);
      }
      MapView.render();
    },

    render() {
      const me = global.App.session.userId;
      const pins = $('pins');
      pins.replaceChildren();
      const people = $('map-people');
      people.replaceChildren();
      for (const m of MapView.members.values()) {
        const sizes = m.avatar || global.App.avatars.get(m.userId);
        people.append(el('li', { dataset: { userId: m.userId } }, global.UI.avatar(m.name, sizes), m.name,
          m.location ? '' : el('span', { class: 'muted' }, '(no location)')));
        if (!m.location) continue;
        const [x, y] = project(m.location.lon, m.location.lat);
        const pin = svg('g', { class: 'pin' + (m.userId === me ? ' me' : ''), 'data-user-id': m.userId,
          transform: 'translate(' + x.toFixed(1) + ',' + y.toFixed(1) + ')' });
        if (typeof m.location.heading === 'number') {
          pin.append(svg('path', { class: 'heading', d: 'M0,-20 L6,-7 L-6,-7 Z',
            transform: 'rotate(' + m.location.heading + ')', 'data-heading': String(m.location.heading) }));
        }
        if (sizes && sizes['64']) {
          const clipId = 'clip-' + m.userId;
          pin.append(svg('clipPath', { id: clipId }, svg('circle', { r: 9 })));
          pin.append(svg('circle', { class: 'dot', r: 10 }));
          pin.append(svg('image', { href: sizes['64'], x: -9, y: -9, width: 18, height: 18, 'clip-path': 'url(#' + clipId + ')' }));
        } else {
          pin.append(svg('circle', { class: 'dot', r: 6 }));
        }
        const label = svg('text', { x: -12, y: 22 });
        label.textContent = m.name;
        pin.append(label);
        pins.append(pin);
      }
    },
  };

  global.MapView = MapView;
  global.ParlorMap = { decodeArcs, pathData, project };
})(window);
