// The seller's video uploader: sends the file in pieces over tus (resumable), shows progress, pauses and resumes,
// keeps retrying over a weak link for about twenty minutes, and carries on after a reload when the same file is
// chosen again. When every byte is there it posts the same form with the upload id instead of the file.
// Without this script (or tus support) the form posts the file itself.
(function () {
  'use strict';
  var form = document.getElementById('video-upload');
  var fileInput = form && form.querySelector('input[type=file]');
  if (!fileInput || !window.tus || !window.tus.isSupported) {
    return;
  }

  var uploadId = form.querySelector('input[name="Input.UploadId"]');
  var title = form.querySelector('input[name="Input.Title"]');
  var box = form.querySelector('[data-upload-progress]');
  var bar = box.querySelector('progress');
  var status = box.querySelector('[role=status]');
  var pause = box.querySelector('[data-upload-pause]');
  var resume = box.querySelector('[data-upload-resume]');
  var submit = form.querySelector('[data-upload-submit]');
  var hint = form.querySelector('[data-upload-hint]');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var upload = null;
  var finishing = false;

  if (hint) {
    hint.textContent = 'Up to ' + form.getAttribute('data-max-text') + '. It goes up in small pieces, so a lost signal only costs a moment.';
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function say(text) {
    status.textContent = text;
  }

  function showPaused(paused) {
    pause.hidden = paused;
    resume.hidden = !paused;
  }

  function reasonOf(error) {
    var response = error && error.originalResponse;
    if (response) {
      try {
        var problem = JSON.parse(response.getBody());
        if (problem && problem.detail) {
          return problem.detail;
        }
      } catch (ignored) {
        // not a problem-details body: fall through to the generic message
      }
    }
    return 'The connection kept failing.';
  }

  function finish() {
    finishing = true;
    var parts = upload.url.split('/');
    uploadId.value = parts[parts.length - 1];
    fileInput.disabled = true; // a disabled input is not sent: the post carries the upload id, not the file again
    say('Uploaded. Checking your video…');
    pause.hidden = true;
    resume.hidden = true;
    form.submit();
  }

  function start(file) {
    upload = new window.tus.Upload(file, {
      endpoint: form.getAttribute('data-endpoint'),
      chunkSize: Number(form.getAttribute('data-chunk-bytes')),
      // Long waits between tries: a phone in a field loses and finds its signal; about 20 minutes in all.
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000, 60000, 120000, 120000, 180000, 300000, 300000],
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', title: title.value },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: function (sent, total) {
        var percent = total ? Math.floor(sent / total * 100) : 0;
        bar.value = percent;
        say('Uploading: ' + megabytes(sent) + ' of ' + megabytes(total) + ' (' + percent + '%)');
      },
      onShouldRetry: function (error, retryAttempt) {
        say('Connection lost. Trying again (' + (retryAttempt + 1) + ')…');
        var response = error && error.originalResponse;
        var code = response ? response.getStatus() : 0;
        return !(code >= 400 && code < 500) || code === 409 || code === 423;
      },
      onError: function (error) {
        say('The upload stopped: ' + reasonOf(error) + ' Press Resume to try again.');
        showPaused(true);
      },
      onSuccess: finish
    });

    box.hidden = false;
    submit.disabled = true;
    fileInput.disabled = true;
    showPaused(false);
    say('Starting…');
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        say('Carrying on where the last upload of this file stopped…');
      }
      upload.start();
    });
  }

  form.addEventListener('submit', function (event) {
    if (finishing || uploadId.value) {
      return;
    }
    var file = fileInput.files && fileInput.files[0];
    if (!file) {
      return;
    }
    event.preventDefault();
    if (file.size > maxBytes) {
      box.hidden = false;
      bar.hidden = true;
      pause.hidden = true;
      say('This file is ' + megabytes(file.size) + '; videos can be at most ' + form.getAttribute('data-max-text') + '. Trim it and try again.');
      return;
    }
    bar.hidden = false;
    start(file);
  });

  pause.addEventListener('click', function () {
    if (upload) {
      upload.abort();
      showPaused(true);
      say('Paused at ' + bar.value + '%. Press Resume to carry on.');
    }
  });

  resume.addEventListener('click', function () {
    if (upload) {
      showPaused(false);
      say('Resuming…');
      upload.start();
    }
  });
})();
