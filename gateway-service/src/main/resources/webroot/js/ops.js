// The operators' page. Reads the gateway's own readiness (/health/ready, always there) and the cluster overview
// (/api/v1/ops/overview: per-service instances from their beacons, sessions, games in progress, the quick-match
// queue, thumbnail jobs waiting; a figure the gateway could not get in time is null and shows as '–').
(function (global) {
  'use strict';
  const { $, el } = global.UI;
  const REFRESH_MS = 2000;
  const OVERVIEW = '/api/v1/ops/overview';

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    const body = await response.json().catch(() => null);
    return { status: response.status, body };
  }

  function show(id, value) {
    $(id).textContent = value === undefined || value === null ? '–' : String(value);
  }

  async function refreshHealth() {
    try {
      const { status, body } = await getJson('/health/ready');
      const outcome = (body && (body.outcome || body.status)) || (status === 200 ? 'UP' : 'DOWN');
      $('gateway-health').dataset.status = outcome;
      $('gateway-health').textContent = outcome;
      const checks = (body && body.checks) || [];
      $('checks').replaceChildren(...checks.map((c) => el('tr', { dataset: { check: c.id } },
        el('td', {}, c.id), el('td', { class: 'health', dataset: { status: c.status } }, c.status),
        el('td', { class: 'muted' }, c.data ? JSON.stringify(c.data) : ''))));
      if (!checks.length) $('checks').replaceChildren(el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'no checks registered')));
    } catch (e) {
      $('gateway-health').dataset.status = 'unreachable';
      $('gateway-health').textContent = 'unreachable';
    }
  }

  async function refreshOverview() {
    let result;
    try {
      result = await getJson(OVERVIEW);
    } catch (e) {
      result = { status: 0, body: null };
    }
    if (result.status !== 200 || !result.body) {
      $('ops-note').textContent = 'This gateway does not expose ' + OVERVIEW + ' (HTTP ' + result.status
        + '): only its own health is shown.';
      $('instances').replaceChildren(el('tr', {}, el('td', {}, 'gateway'), el('td', {}, 'this instance'),
        el('td', { class: 'health', dataset: { status: $('gateway-health').dataset.status } }, $('gateway-health').textContent),
        el('td', { class: 'muted' }, '/health/ready')));
      return;
    }
    const o = result.body;
    $('ops-note').textContent = '';
    show('sessions', o.sessions);
    show('games', o.gamesInProgress);
    show('queue', o.queueDepth);
    show('jobs', o.jobsWaiting);
    const rows = [];
    for (const service of o.services || []) {
      if (!(service.instances || []).length) {
        // An expected service nobody has heard of: say so rather than leave it out.
        rows.push(el('tr', { dataset: { service: service.name } }, el('td', {}, service.name),
          el('td', { class: 'muted' }, 'no instance'),
          el('td', { class: 'health', dataset: { status: 'DOWN' } }, 'DOWN'),
          el('td', { class: 'muted' }, 'no beacon heard')));
      }
      for (const instance of service.instances || []) {
        rows.push(el('tr', { dataset: { service: service.name } }, el('td', {}, service.name), el('td', {}, instance.id),
          el('td', { class: 'health', dataset: { status: instance.status } }, instance.status),
          el('td', { class: 'muted' }, instance.detail ? JSON.stringify(instance.detail) : '')));
      }
    }
    $('instances').replaceChildren(...rows);
  }

  async function refresh() {
    await refreshHealth();
    await refreshOverview();
    $('refreshed').textContent = new Date().toLocaleTimeString();
    setTimeout(refresh, REFRESH_MS);
  }

  document.addEventListener('DOMContentLoaded', refresh);
})(window);
