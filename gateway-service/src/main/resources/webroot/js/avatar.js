// Avatar upload: the image goes up with XHR (for its progress events), the job's state is polled until it ends,
// and the thumbnail itself arrives by thumbnail.ready on user:<me> — shown in the header, lobby and map.
(function (global) {
  'use strict';
  const { $, toast } = global.UI;
  const POLL_MS = 1000;
  const POLL_LIMIT = 120;

  const AvatarUpload = {
    jobId: null,

    start() {
      $('avatar-file').addEventListener('change', (e) => {
        const file = e.target.files[0];
        if (file) AvatarUpload.upload(file);
        e.target.value = '';
      });
      global.App.onUserEvent(AvatarUpload.onUserEvent);
    },

    showState(state, text) {
      $('upload').hidden = false;
      $('upload-state').dataset.state = state;
      $('upload-state').textContent = text || state;
    },

    upload(file) {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/avatar');
      xhr.setRequestHeader('Authorization', 'Bearer ' + global.App.session.token);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      $('upload-text').textContent = 'Uploading ' + file.name;
      $('upload-progress').value = 0;
      AvatarUpload.showState('uploading', 'uploading…');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) $('upload-progress').value = Math.round(100 * e.loaded / e.total);
      };
      xhr.onerror = () => AvatarUpload.showState('failed', 'upload failed: network error');
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText || '{}'); } catch (e) { /* not JSON: reported by status below */ }
        if (xhr.status !== 202 || !body.jobId) {
          const msg = body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + xhr.status;
          AvatarUpload.showState('failed', 'refused — ' + msg);
          return;
        }
        $('upload-progress').value = 100;
        AvatarUpload.jobId = body.jobId;
        AvatarUpload.showState('queued', 'queued');
        AvatarUpload.poll(body.jobId, 0);
      };
      xhr.send(file);
    },

    async poll(jobId, round) {
      if (jobId !== AvatarUpload.jobId || round > POLL_LIMIT) return;
      try {
        const response = await fetch('/api/v1/jobs/' + encodeURIComponent(jobId),
          { headers: { Authorization: 'Bearer ' + global.App.session.token } });
        const job = await response.json();
        if (jobId !== AvatarUpload.jobId) return;
        const state = $('upload-state').dataset.state;
        // The event may already have said "done": never step back from it.
        if (state !== 'done' && state !== 'failed' && job.state) {
          AvatarUpload.showState(job.state, job.state === 'failed' && job.error ? 'failed — ' + job.error.message : job.state);
        }
        if (job.state === 'done' || job.state === 'failed') return;
      } catch (e) { /* try again: the event still brings the result */ }
      setTimeout(() => AvatarUpload.poll(jobId, round + 1), POLL_MS);
    },

    onUserEvent(event, data) {
      if (event === 'thumbnail.ready') {
        global.App.setAvatar(global.App.session.userId, data.sizes);
        if (data.jobId === AvatarUpload.jobId) AvatarUpload.showState('done', 'done — your new avatar is live');
      } else if (event === 'thumbnail.failed') {
        AvatarUpload.showState('failed', 'failed — ' + data.code + ': ' + data.message);
        toast('Avatar failed: ' + data.message);
      }
    },
  };

  global.AvatarUpload = AvatarUpload;
})(window);
