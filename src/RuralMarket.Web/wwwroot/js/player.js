// Shoppable video players (_VideoPlayer.cshtml). Without this script each player is a plain <video> with the MP4
// (or, in lists, a poster linking to the video page). With it: native HLS where the browser has it, else hls.js
// (light build, loaded only when the viewer presses play, starting on the lowest rung); one player plays at a time;
// tapping a tag's time seeks; plays, completions and tag taps are reported with navigator.sendBeacon.
(function () {
  'use strict';
  var HLS_TYPE = 'application/vnd.apple.mpegurl';
  var HLS_SCRIPT = '/lib/hls/hls.light.min.js';
  var hlsScript = null;

  function beacon(player, type, productId) {
    var body = new URLSearchParams();
    body.set('type', type);
    if (productId) { body.set('productId', productId); }
    var url = player.getAttribute('data-events');
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'same-origin' }).catch(function () {});
    }
  }

  function loadHlsJs() {
    if (window.Hls) { return Promise.resolve(window.Hls); }
    if (!hlsScript) {
      hlsScript = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = HLS_SCRIPT;
        script.async = true;
        script.onload = function () { if (window.Hls) { resolve(window.Hls); } else { reject(new Error('hls.js')); } };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return hlsScript;
  }

  function pauseOthers(video) {
    var videos = document.querySelectorAll('[data-player] video');
    for (var i = 0; i < videos.length; i++) {
      if (videos[i] !== video && !videos[i].paused) { videos[i].pause(); }
    }
  }

  function wire(player, video) {
    var reported = false;
    var fellBack = false;
    video.addEventListener('play', function () { pauseOthers(video); });
    video.addEventListener('playing', function () {
      if (!reported) { reported = true; beacon(player, 'play'); }
    });
    video.addEventListener('ended', function () { beacon(player, 'complete'); });
    video.addEventListener('error', function () {
      // Native HLS refused the stream: the MP4 always works.
      if (!fellBack && video.src && video.src.indexOf('.m3u8') > 0) {
        fellBack = true;
        video.src = player.getAttribute('data-mp4');
        video.play().catch(function () {});
      }
    });
  }

  function videoOf(player) {
    var video = player.querySelector('video');
    if (video) { return video; }
    var poster = player.querySelector('.vp-poster');
    video = document.createElement('video');
    video.controls = true;
    video.playsInline = true;
    video.preload = 'none';
    video.width = +poster.getAttribute('data-width');
    video.height = +poster.getAttribute('data-height');
    if (poster.getAttribute('data-poster')) { video.poster = poster.getAttribute('data-poster'); }
    video.setAttribute('aria-label', 'Video: ' + poster.getAttribute('data-title'));
    var captions = poster.getAttribute('data-captions');
    if (captions) {
      var track = document.createElement('track');
      track.kind = 'captions';
      track.src = captions;
      track.srclang = 'en';
      track.label = 'English';
      track.default = true;
      video.appendChild(track);
    }
    poster.parentNode.replaceChild(video, poster);
    wire(player, video);
    return video;
  }

  // Gives the video its source once, on the viewer's first press; resolves when play() may be called.
  function attach(player, video) {
    if (player.attachment) { return player.attachment; }
    var hls = player.getAttribute('data-hls');
    var mp4 = player.getAttribute('data-mp4');
    if (video.canPlayType(HLS_TYPE)) {
      video.src = hls;
      player.attachment = Promise.resolve();
    } else if (window.MediaSource) {
      player.attachment = loadHlsJs().then(function (Hls) {
        if (!Hls.isSupported()) { video.src = mp4; return; }
        // Start on the lowest rung with a slow-link estimate; hls.js climbs when the link allows.
        var engine = new Hls({ startLevel: 0, abrEwmaDefaultEstimate: 300000, capLevelToPlayerSize: true, enableWorker: false });
        engine.on(Hls.Events.ERROR, function (event, data) {
          if (data.fatal) {
            engine.destroy();
            video.src = mp4;
            video.play().catch(function () {});
          }
        });
        engine.loadSource(hls);
        engine.attachMedia(video);
      }, function () { video.src = mp4; });
    } else {
      video.src = mp4;
      player.attachment = Promise.resolve();
    }
    return player.attachment;
  }

  function playFrom(player, seconds) {
    var video = videoOf(player);
    var cover = player.querySelector('.vp-start');
    if (cover) { cover.parentNode.removeChild(cover); }
    pauseOthers(video);
    attach(player, video).then(function () {
      if (seconds !== null) {
        if (video.readyState >= 1) {
          video.currentTime = seconds;
        } else {
          video.addEventListener('loadedmetadata', function () { video.currentTime = seconds; }, { once: true });
        }
      }
      video.play().catch(function () {});
    });
  }

  function setUp(player) {
    var video = player.querySelector('video');
    if (video) {
      wire(player, video);
      // Our own play button over the poster, so the first press picks HLS rather than the no-script MP4.
      var cover = document.createElement('button');
      cover.type = 'button';
      cover.className = 'vp-start';
      cover.setAttribute('aria-label', 'Play video');
      cover.innerHTML = '<span aria-hidden="true">▶</span>';
      cover.addEventListener('click', function () { playFrom(player, player.startAt || null); });
      player.querySelector('.vp-stage').appendChild(cover);
    } else {
      var poster = player.querySelector('.vp-poster');
      if (poster) {
        poster.addEventListener('click', function (event) {
          event.preventDefault();
          playFrom(player, null);
        });
      }
    }

    player.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-product-id]');
      if (!link) { return; }
      beacon(player, 'tagclick', link.getAttribute('data-product-id'));
      if (link.hasAttribute('data-seek')) {
        event.preventDefault();
        playFrom(player, +link.getAttribute('data-seek'));
      }
    });
  }

  var players = document.querySelectorAll('[data-player]');
  var start = /^#t=(\d+)$/.exec(location.hash);
  for (var i = 0; i < players.length; i++) {
    if (i === 0 && start) { players[i].startAt = +start[1]; }
    setUp(players[i]);
  }
})();
